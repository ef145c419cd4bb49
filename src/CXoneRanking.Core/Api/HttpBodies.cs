using System.Text;

namespace CXoneRanking.Api;

/// <summary>
/// Reads a response body up to a limit: a misbehaving or hostile server cannot make the module
/// buffer an unbounded answer. A body cut short by the server surfaces as the IOException of the
/// stream, for the caller to count as a transport failure.
/// </summary>
internal static class HttpBodies
{
    public const int MaxResponseBytes = 1024 * 1024;

    /// <summary>Throws <see cref="DecoderFallbackException"/> on invalid UTF-8 rather than repairing it with U+FFFD.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="content">The answer's content.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="maxBytes">Bytes kept at most; the rest is not read.</param>
    /// <param name="encoding">UTF-8 that repairs invalid bytes by default; <see cref="StrictUtf8"/> where a repaired answer
    /// would be wrong (a token, a discovered address).</param>
    public static async Task<string> ReadBoundedAsync(HttpContent? content, CancellationToken cancellationToken, int maxBytes = MaxResponseBytes,
        Encoding? encoding = null)
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
        return (encoding ?? Encoding.UTF8).GetString(kept.GetBuffer(), 0, (int)kept.Length);
    }
}
