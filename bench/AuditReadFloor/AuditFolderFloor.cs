using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace CXoneRanking.Bench;

/// <summary>
/// The least a reader of the metrics must do: one thread, each file in chain order (a .jsonl.gz through GZipStream; when a
/// day has both X.jsonl and X.jsonl.gz, X.jsonl, as the module reads it), split into lines, and per line a Utf8JsonReader
/// that reads only the members Get-RankingMetrics needs (event, session_id, timestamp, snippets, snippet_count, status,
/// latency_ms, snippet_id, rank_position, idempotency_key, ranking_checksum, experiment, arm) and skips every other value,
/// candidates included. Values are read (timestamps parsed, numbers parsed, strings hashed), never kept: no session state,
/// no hash check, no allocation per line. Anything a real reader adds is above this floor.
/// </summary>
public static class AuditFolderFloor
{
    private const int BufferSize = 1 << 20;

    public static FloorResult Read(string folder)
    {
        var clock = Stopwatch.StartNew();
        var result = new FloorResult();
        var buffer = new byte[BufferSize];
        foreach (var path in ChainOrder(folder))
        {
            result.Files++;
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            result.StoredBytes += file.Length;
            using var stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            ReadLines(stream, ref buffer, result);
        }
        result.Seconds = clock.Elapsed.TotalSeconds;
        return result;
    }

    /// <summary>cxone-audit-YYYYMMDD[_NNN].jsonl[.gz] by day, then sequence; the plain file wins over its .gz twin.</summary>
    public static IEnumerable<string> ChainOrder(string folder) =>
        Directory.EnumerateFiles(folder, "cxone-audit-*.jsonl*")
            .Where(p => p.EndsWith(".jsonl", StringComparison.Ordinal) || p.EndsWith(".jsonl.gz", StringComparison.Ordinal))
            .GroupBy(p => Path.GetFileName(p).Split('.')[0])
            .Select(g => g.OrderBy(p => p.Length).First())
            .OrderBy(p => Path.GetFileName(p).Split('.')[0], StringComparer.Ordinal);

    private static void ReadLines(Stream stream, ref byte[] buffer, FloorResult result)
    {
        var filled = 0;
        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var data = buffer.AsSpan(0, filled);
            var start = 0;
            while (true)
            {
                var end = data[start..].IndexOf((byte)'\n');
                if (end < 0) break;
                ReadEntry(data.Slice(start, end), result);
                result.RawBytes += end + 1;
                start += end + 1;
            }
            if (read == 0)
            {
                if (start < filled) { ReadEntry(data[start..], result); result.RawBytes += filled - start; }
                return;
            }
            data[start..].CopyTo(buffer);
            filled -= start;
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);   // a line longer than the buffer
        }
    }

    private static void ReadEntry(ReadOnlySpan<byte> line, FloorResult result)
    {
        if (line.IsEmpty) return;
        var json = new Utf8JsonReader(line);
        if (!json.Read() || json.TokenType != JsonTokenType.StartObject) return;
        result.Entries++;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var name = json.ValueSpan;
            json.Read();
            switch (name.Length)
            {
                case 5 when name.SequenceEqual("event"u8):
                    if (json.ValueTextEquals("click"u8)) result.Clicks++;
                    else if (json.ValueSpan.StartsWith("ranking."u8)) result.Rankings++;
                    break;
                case 9 when name.SequenceEqual("timestamp"u8):
                    result.Checksum += json.GetDateTimeOffset().UtcTicks & 0xFFFF;
                    break;
                case 8 when name.SequenceEqual("snippets"u8):
                    while (json.Read() && json.TokenType == JsonTokenType.String) { result.Impressions++; result.Checksum += Hash(json.ValueSpan); }
                    break;
                case 10 when name.SequenceEqual("latency_ms"u8):
                    result.LatencySum += json.GetInt64();
                    break;
                case 13 when name.SequenceEqual("rank_position"u8):
                case 13 when name.SequenceEqual("snippet_count"u8):
                    result.Checksum += json.GetInt32();
                    break;
                case 10 when name.SequenceEqual("experiment"u8):
                    result.ExperimentEntries++;
                    result.Checksum += Hash(json.ValueSpan);
                    break;
                case 10 when name.SequenceEqual("session_id"u8):
                case 10 when name.SequenceEqual("snippet_id"u8):
                case 6 when name.SequenceEqual("status"u8):
                case 15 when name.SequenceEqual("idempotency_key"u8):
                case 16 when name.SequenceEqual("ranking_checksum"u8):
                case 3 when name.SequenceEqual("arm"u8):
                    result.Checksum += Hash(json.ValueSpan);
                    break;
                default:
                    json.Skip();
                    break;
            }
        }
    }

    private static int Hash(ReadOnlySpan<byte> value)
    {
        var hash = 17;
        foreach (var b in value) hash = hash * 31 + b;
        return hash;
    }
}
