using System.Globalization;
using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// What the destination remembers of one exported day, beside its file (<c>_&lt;file&gt;.json</c>; engines skip names
/// that start with an underscore): the day's audit files with their lengths when it was exported, the rows, the last
/// entry's hash and the schema version. A later run skips the day while its files still have those names and lengths;
/// when they differ (the open day grew, or the day was compressed) it reads the day again and writes it only when
/// its rows differ (docs/audit-log.md#export).
/// </summary>
internal sealed class AuditExportRecord
{
    public int SchemaVersion { get; set; }
    public string Format { get; set; } = string.Empty;
    public string Day { get; set; } = string.Empty;
    public List<string> Sources { get; set; } = [];
    public long Entries { get; set; }
    public string? FirstHash { get; set; }
    public string? LastHash { get; set; }
    public string? AuditPath { get; set; }
    public string? ExportedAt { get; set; }

    /// <summary>A day's files as a record lists them: <c>name:length</c>, oldest first.</summary>
    public static List<string> SourcesOf(IEnumerable<KeyValuePair<AuditLogFile, long>> files) =>
        files.Select(f => string.Format(CultureInfo.InvariantCulture, "{0}:{1}", f.Key.Name, f.Value)).ToList();

    public static string PathFor(string dataFile) =>
        Path.Combine(Path.GetDirectoryName(dataFile)!, "_" + Path.GetFileName(dataFile) + ".json");

    /// <summary>The record of <paramref name="dataFile"/>; null when there is none, or it cannot be read (the day is then read again).</summary>
    public static AuditExportRecord? TryRead(string dataFile)
    {
        try
        {
            var path = PathFor(dataFile);
            if (!File.Exists(path) || !File.Exists(dataFile)) return null;
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            return new AuditExportRecord
            {
                SchemaVersion = root.GetProperty("schema_version").GetInt32(),
                Format = root.GetProperty("format").GetString() ?? string.Empty,
                Day = root.GetProperty("day").GetString() ?? string.Empty,
                Sources = root.GetProperty("sources").EnumerateArray().Select(s => s.GetString() ?? string.Empty).ToList(),
                Entries = root.GetProperty("entries").GetInt64(),
                FirstHash = root.GetProperty("first_hash").GetString(),
                LastHash = root.GetProperty("last_hash").GetString(),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException
            or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Writes the record beside <paramref name="dataFile"/>: a temporary file renamed over the old one.</summary>
    public void Write(string dataFile)
    {
        var path = PathFor(dataFile);
        using (var buffer = new MemoryStream())
        {
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteNumber("schema_version", SchemaVersion);
                json.WriteString("format", Format);
                json.WriteString("day", Day);
                json.WriteStartArray("sources");
                foreach (var source in Sources) json.WriteStringValue(source);
                json.WriteEndArray();
                json.WriteNumber("entries", Entries);
                json.WriteString("first_hash", FirstHash);
                json.WriteString("last_hash", LastHash);
                json.WriteString("audit_path", AuditPath);
                json.WriteString("exported_at", ExportedAt);
                json.WriteEndObject();
            }
            AtomicFile.Write(path, buffer.ToArray());
        }
    }
}
