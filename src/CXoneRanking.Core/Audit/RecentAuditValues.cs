using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// One string member of the latest audit entries, distinct and newest first, for tab completion
/// (-SessionId: session_id; Get-RankingExperiment -Name: experiment). It reads at most the last
/// 64 KiB of the newest log file (a few hundred entries), so it stays fast however large the log,
/// and it never throws: a missing or unreadable log gives no values.
/// </summary>
public static class RecentAuditValues
{
    private const int TailBytes = 64 * 1024;

    /// <summary>Distinct session ids, newest first, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<string> SessionIds(string directory, int limit = 100) =>
        Read(directory, "session_id", Api.SubmissionAudit.UnusableSessionId, limit);

    /// <summary>Distinct experiment names, newest first, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<string> ExperimentNames(string directory, int limit = 100) =>
        Read(directory, "experiment", null, limit);

    private static IReadOnlyList<string> Read(string directory, string member, string? ignored, int limit)
    {
        try
        {
            var files = AuditLogFile.List(directory);
            if (files.Count == 0) return [];
            var values = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in TailLines(files[files.Count - 1].Path))
            {
                if (MemberOf(line, member) is not { Length: > 0 } value || value == ignored || !seen.Add(value)) continue;
                values.Add(value);
                if (values.Count >= limit) break;
            }
            return values;
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
        using (var stream = RawLineReader.TryOpen(path))
        {
            if (stream is null) yield break;
            // A compressed newest file (a folder archived whole): its last lines, read forward.
            if (!stream.CanSeek)
            {
                foreach (var line in ForwardTail(stream)) yield return line;
                yield break;
            }
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

    // The whole lines of the last 64 KiB of a stream that cannot seek, last line first.
    private static IEnumerable<ArraySegment<byte>> ForwardTail(Stream stream)
    {
        var lines = new LinkedList<byte[]>();
        long bytes = 0;
        foreach (var line in RawLineReader.Read(stream))
        {
            if (line.Damage is not null) break;
            lines.AddLast(line.Bytes.ToArray());
            bytes += line.Bytes.Count + 1;
            for (; bytes > TailBytes && lines.First is { } first; lines.RemoveFirst()) bytes -= first.Value.Length + 1;
        }
        for (var node = lines.Last; node is not null; node = node.Previous) yield return new ArraySegment<byte>(node.Value);
    }

    private static string? MemberOf(ArraySegment<byte> line, string member)
    {
        try
        {
            var reader = new Utf8JsonReader(line.AsSpan());
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMember = reader.ValueTextEquals(member);
                if (!reader.Read()) return null;
                if (isMember) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
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
