using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// The session ids of the latest audit entries, newest first, for tab completion of -SessionId.
/// It reads at most the last 64 KiB of the newest log file (a few hundred entries), so it stays
/// fast however large the log, and it never throws: a missing or unreadable log gives no ids.
/// </summary>
public static class RecentSessionIds
{
    private const int TailBytes = 64 * 1024;

    /// <summary>Distinct ids, newest first, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<string> Read(string directory, int limit = 100)
    {
        try
        {
            var files = AuditLogFile.List(directory);
            if (files.Count == 0) return [];
            var ids = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in TailLines(files[files.Count - 1].Path))
            {
                if (SessionIdOf(line) is not { Length: > 0 } id || id == Api.SubmissionAudit.UnusableSessionId || !seen.Add(id)) continue;
                ids.Add(id);
                if (ids.Count >= limit) break;
            }
            return ids;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return [];
        }
    }

    // The whole lines of the file's last 64 KiB, last line first; a line cut by the window is dropped.
    private static IEnumerable<ArraySegment<byte>> TailLines(string path)
    {
        byte[] bytes;
        long start;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            start = Math.Max(0, stream.Length - TailBytes);
            bytes = new byte[stream.Length - start];
            stream.Seek(start, SeekOrigin.Begin);
            var read = 0;
            int n;
            while (read < bytes.Length && (n = stream.Read(bytes, read, bytes.Length - read)) > 0) read += n;
            if (read < bytes.Length) Array.Resize(ref bytes, read);
        }
        var end = bytes.Length;
        while (end > 0)
        {
            var newline = Array.LastIndexOf(bytes, (byte)'\n', end - 1);
            if (newline < 0 && start > 0) yield break;
            yield return new ArraySegment<byte>(bytes, newline + 1, end - newline - 1);
            end = newline < 0 ? 0 : newline;
        }
    }

    private static string? SessionIdOf(ArraySegment<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line.AsSpan());
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSessionId = reader.ValueTextEquals("session_id"u8);
                if (!reader.Read()) return null;
                if (isSessionId) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            // a torn line
            return null;
        }
    }
}
