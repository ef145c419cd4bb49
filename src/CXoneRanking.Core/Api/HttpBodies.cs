using System.Text;

namespace CXoneRanking.Api;

/// <summary>
/// Reads a response body up to a limit: a misbehaving or hostile server cannot make the module
/// buffer an unbounded answer.
/// </summary>
internal static class HttpBodies
{
    public const int MaxResponseBytes = 1024 * 1024;

    public static async Task<string> ReadBoundedAsync(HttpContent? content, CancellationToken cancellationToken, int maxBytes = MaxResponseBytes)
    {
        if (content is null) return string.Empty;
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        var buffer = new byte[Math.Min(maxBytes, 81920)];
        using var kept = new MemoryStream();
        int read;
        while (kept.Length < maxBytes
            && (read = await stream.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, maxBytes - kept.Length), cancellationToken)
                .ConfigureAwait(false)) > 0)
            kept.Write(buffer, 0, read);
        return Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length);
    }
}
