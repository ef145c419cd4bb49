using System.Text.Encodings.Web;
using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// The canonical JSON of an entry: members in the fixed order below, no whitespace, nulls
/// omitted, invariant integers, timestamps as <see cref="AuditTimestamp.Format"/>. Only the writer
/// serializes; verification re-hashes the stored bytes, so this order documents the file format
/// rather than something a verifier must reproduce.
/// </summary>
internal static class AuditEntryJson
{
    // Relaxed escaping keeps ids and messages readable (no \u0027 for an apostrophe); the file is
    // never embedded in HTML, and control characters and quotes are still escaped.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The entry's JSON without "hash" (with <paramref name="prevHash"/> last), into <paramref name="buffer"/>.</summary>
    public static void WriteUnsealed(AuditEntry entry, string prevHash, MemoryStream buffer)
    {
        buffer.SetLength(0);
        using var json = new Utf8JsonWriter(buffer, Options);
        json.WriteStartObject();
        WriteMembers(json, entry, withCandidates: true);
        json.WriteString("prev_hash", prevHash);
        json.WriteEndObject();
    }

    /// <summary>
    /// The entry as an object inside other JSON (a feedback callback's body), with its hashes once written. Its candidates are
    /// left out: the log keeps them (a callback's entry is an outcome, which carries none anyway), and the body stays small.
    /// </summary>
    public static void WriteObject(Utf8JsonWriter json, AuditEntry entry)
    {
        json.WriteStartObject();
        WriteMembers(json, entry, withCandidates: false);
        String(json, "prev_hash", entry.PrevHash);
        String(json, "hash", entry.Hash);
        json.WriteEndObject();
    }

    private static void WriteMembers(Utf8JsonWriter json, AuditEntry entry, bool withCandidates)
    {
        json.WriteString("timestamp", AuditTimestamp.ToText(entry.Timestamp));
        json.WriteString("event", entry.Event);
        String(json, "session_id", entry.SessionId);
        String(json, "target", entry.Target);
        Number(json, "snippet_count", entry.SnippetCount);
        Number(json, "max_window", entry.MaxWindow);
        if (entry.Snippets is { } snippets)
        {
            json.WriteStartArray("snippets");
            foreach (var id in snippets)
                json.WriteStringValue(id ?? throw new ArgumentException($"The ranking of session '{entry.SessionId}' lists a null snippet id."));
            json.WriteEndArray();
        }
        String(json, "snippet_id", entry.SnippetId);
        Number(json, "rank_position", entry.RankPosition);
        if (entry.ExpertQueryId is { } queryId) json.WriteNumber("expert_query_id", queryId);
        if (entry.ExpertRank is { } expertRank) json.WriteNumber("expert_rank", expertRank);
        String(json, "expert_terms", entry.ExpertTerms);
        Number(json, "expert_result_count", entry.ExpertResultCount);
        String(json, "status", entry.Status);
        Number(json, "http_status", entry.HttpStatus);
        Number(json, "attempts", entry.Attempts);
        if (entry.LatencyMs is { } latency) json.WriteNumber("latency_ms", latency);
        String(json, "idempotency_key", entry.IdempotencyKey);
        String(json, "ranking_checksum", entry.RankingChecksum);
        String(json, "experiment", entry.Experiment);
        String(json, "arm", entry.Arm);
        String(json, "directive_set", entry.DirectiveSet);
        String(json, "overflow", entry.Overflow);
        if (entry.Normalize is { } normalize) json.WriteBoolean("normalize", normalize);
        if (withCandidates && entry.Candidates is { } candidates)
        {
            json.WritePropertyName("candidates");
            CandidateJson.Write(json, candidates, entry.HeldBackRows ?? []);
        }
        if (entry.Event == AuditEvent.RankingDirectives && entry.Directives is { } set)
        {
            // The very bytes the hash is of: written raw, never re-serialized.
            json.WritePropertyName("directives");
            json.WriteRawValue(set.Json, skipInputValidation: true);
        }
        String(json, "error", entry.Error);
        String(json, "note", entry.Note);
        if (entry.Files is { } files)
        {
            json.WriteStartArray("files");
            foreach (var name in files) json.WriteStringValue(name ?? throw new ArgumentException("An audit.pruned entry lists a null file name."));
            json.WriteEndArray();
        }
        String(json, "module_version", entry.ModuleVersion);
        String(json, "host", entry.Host);
        String(json, "user", entry.User);
    }

    private static void String(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
    }
}
