using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// One entry as the export writes it: the entry, the audit file it came from, and its nested members (candidates, rules)
/// as the compact JSON text the log holds, since every engine reads JSON text and their shapes vary by module version.
/// </summary>
internal sealed class AuditExportRow(AuditEntry entry, string auditFile)
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public AuditEntry Entry { get; } = entry;

    /// <summary>The log file's name without a trailing <c>.gz</c>: a day keeps its names when it is compressed.</summary>
    public string AuditFile { get; } = auditFile.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
        ? auditFile.Substring(0, auditFile.Length - 3) : auditFile;

    public DateTime TimestampUtc => Entry.Timestamp.UtcDateTime;

    /// <summary>The entry's <c>candidates</c> array as JSON text; null when it has none (or they could not be read).</summary>
    public string? CandidatesJson => Entry.Candidates is { } candidates
        ? Json(json => CandidateJson.Write(json, candidates, Entry.HeldBackRows ?? []))
        : null;

    /// <summary>A ranking.directives entry's rules as JSON text; null on every other entry.</summary>
    public string? DirectivesJson => Entry.Event == AuditEvent.RankingDirectives ? Entry.Directives?.Json : null;

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact)) write(json);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
