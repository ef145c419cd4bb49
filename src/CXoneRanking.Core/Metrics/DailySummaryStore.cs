using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace CXoneRanking.Metrics;

/// <summary>
/// The <c>.cxone-summaries</c> folder of an audit folder (docs/audit-log.md#daily-summaries):
/// <c>cxone-summary-YYYYMMDD.json</c> per closed day and one <c>cxone-summary-checkpoint-YYYYMMDD.json.gz</c>. A cache:
/// every file is written to a temporary name and renamed, anything unreadable is reported as a problem (the caller
/// reads the day raw), and a folder that cannot be written to is simply not written.
/// </summary>
internal sealed class DailySummaryStore(string auditDirectory)
{
    public const string FolderName = ".cxone-summaries";
    private const int Version = 1;
    private const string CheckpointPrefix = "cxone-summary-checkpoint-";

    public string Folder { get; } = Path.Combine(auditDirectory, FolderName);

    public static string SummaryName(DateTime day) => $"cxone-summary-{Stamp(day)}.json";

    public static string CheckpointName(DateTime day) => $"{CheckpointPrefix}{Stamp(day)}.json.gz";

    /// <summary>The day's summary, or null with why there is none to use (missing, damaged, foreign).</summary>
    public DaySummary? TryRead(DateTime day, out string problem)
    {
        var path = Path.Combine(Folder, SummaryName(day));
        problem = "";
        try
        {
            if (!File.Exists(path))
            {
                problem = "missing";
                return null;
            }
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = json.RootElement;
            if (root.GetProperty("version").GetInt32() != Version || root.GetProperty("day").GetString() != Stamp(day))
                throw new FormatException("another version's or another day's summary");
            var files = root.GetProperty("files").EnumerateArray()
                .Select(f => new KeyValuePair<string, long>(f.GetProperty("name").GetString()!, f.GetProperty("length").GetInt64())).ToList();
            var hash = root.TryGetProperty("last_hash", out var h) ? h.GetString() : null;
            return new DaySummary(day, files, hash, MetricsTallyJson.Read(root.GetProperty("tally")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException
                                      or InvalidOperationException or KeyNotFoundException)
        {
            problem = $"damaged ({e.Message})";
            return null;
        }
    }

    public void Write(DaySummary summary) => WriteAtomically(SummaryName(summary.Day), stream =>
    {
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteNumber("version", Version);
        json.WriteString("day", Stamp(summary.Day));
        json.WriteStartArray("files");
        foreach (var file in summary.Files)
        {
            json.WriteStartObject();
            json.WriteString("name", file.Key);
            json.WriteNumber("length", file.Value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (summary.LastHash is { } hash) json.WriteString("last_hash", hash);
        json.WritePropertyName("tally");
        MetricsTallyJson.Write(json, summary.Tally);
        json.WriteEndObject();
    });

    /// <summary>The newest checkpoint's day and last hash, with the reader it restores; null with why not.</summary>
    public (DateTime Day, string? LastHash, RankingMetricsCalculator Calculator)? TryReadCheckpoint(out string problem)
    {
        problem = "no checkpoint";
        try
        {
            if (!Directory.Exists(Folder)) return null;
            var newest = Directory.EnumerateFiles(Folder, CheckpointPrefix + "*.json.gz").Select(CheckpointDay)
                .Where(d => d is not null).Max();
            if (newest is not { } day) return null;
            using var file = File.OpenRead(Path.Combine(Folder, CheckpointName(day)));
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var json = JsonDocument.Parse(gzip);
            var root = json.RootElement;
            if (root.GetProperty("version").GetInt32() != Version || root.GetProperty("day").GetString() != Stamp(day))
                throw new FormatException("another version's or another day's checkpoint");
            var hash = root.TryGetProperty("last_hash", out var h) ? h.GetString() : null;
            return (day, hash, MetricsCheckpointJson.Read(root.GetProperty("state")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidDataException
                                      or InvalidOperationException or KeyNotFoundException)
        {
            problem = $"the checkpoint is damaged ({e.Message})";
            return null;
        }
    }

    /// <summary>Writes the checkpoint at the end of <paramref name="day"/> and deletes the older ones.</summary>
    public void WriteCheckpoint(DateTime day, string? lastHash, RankingMetricsCalculator calculator)
    {
        WriteAtomically(CheckpointName(day), stream =>
        {
            using var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
            using var json = new Utf8JsonWriter(gzip);
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("day", Stamp(day));
            if (lastHash is not null) json.WriteString("last_hash", lastHash);
            json.WritePropertyName("state");
            MetricsCheckpointJson.Write(json, calculator);
            json.WriteEndObject();
        });
        foreach (var path in Directory.EnumerateFiles(Folder, CheckpointPrefix + "*.json.gz").ToList())
            if (CheckpointDay(path) is { } older && older < day) File.Delete(path);
    }

    /// <summary>Deletes the summary of <paramref name="day"/> (one that no longer matches the chain).</summary>
    public void Delete(DateTime day) => File.Delete(Path.Combine(Folder, SummaryName(day)));

    /// <summary>The days that have a summary file, oldest first.</summary>
    public IEnumerable<DateTime> SummarisedDays() => !Directory.Exists(Folder) ? []
        : Directory.EnumerateFiles(Folder, "cxone-summary-*.json").Select(p => DayOf(Path.GetFileName(p), "cxone-summary-", ".json"))
            .Where(d => d is not null).Select(d => d!.Value).OrderBy(d => d);

    private void WriteAtomically(string name, Action<Stream> write)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush();
            }
            // Two readers may write the same day at once: either file is the same summary.
            if (File.Exists(path)) File.Replace(temporary, path, null);
            else File.Move(temporary, path);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static DateTime? CheckpointDay(string path) => DayOf(Path.GetFileName(path), CheckpointPrefix, ".json.gz");

    private static DateTime? DayOf(string name, string prefix, string suffix)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(suffix, StringComparison.Ordinal)) return null;
        var stamp = name.Substring(prefix.Length, name.Length - prefix.Length - suffix.Length);
        return DateTime.TryParseExact(stamp, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    private static string Stamp(DateTime day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
