using System.Text;
using CXoneRanking.Api;

namespace CXoneRanking.Expert;

/// <summary>
/// Reads an answer up to a cap. Unlike a silent truncation, an answer over the cap is reported as
/// too large: a cut-off search log page would otherwise look like a short last page. For the same
/// reason invalid UTF-8 throws <see cref="DecoderFallbackException"/> rather than becoming U+FFFD
/// in a title or a query that the audit log would then keep.
/// </summary>
internal static class ExpertAnswerBody
{
    public static async Task<(string Text, bool TooLarge)> ReadAsync(HttpContent? content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content is null) return (string.Empty, false);
        if (content.Headers.ContentLength is { } declared && declared > maxBytes) return (string.Empty, true);
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        var buffer = new byte[Math.Min(maxBytes + 1, 81920)];
        using var kept = new MemoryStream();
        while (true)
        {
            var wanted = (int)Math.Min(buffer.Length, maxBytes + 1L - kept.Length);
            var read = await stream.ReadAsync(buffer, 0, wanted, cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            kept.Write(buffer, 0, read);
            if (kept.Length > maxBytes) return (string.Empty, true);
        }
        return (HttpBodies.StrictUtf8.GetString(kept.GetBuffer(), 0, (int)kept.Length).TrimStart('\uFEFF'), false);
    }
}
