using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// Reads an entry back from one stored line. Lenient about members it does not know (a newer
/// module may add some) and strict about the types of those it does.
/// </summary>
internal static class AuditEntryParser
{
    /// <summary>
    /// The entry, or null with the reason the line is not one. A <c>candidates</c> array is read only when
    /// <paramref name="candidatesFor"/> asks for it (given the entry's other members); otherwise it is skipped unread and
    /// only <see cref="AuditEntry.HasCandidates"/> says it is there, so the metrics never pay for it.
    /// </summary>
    public static AuditEntry? Parse(JsonElement root, out string? problem, Func<AuditEntry, bool>? candidatesFor = null,
        CandidatePool? pool = null)
    {
        problem = null;
        try
        {
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException($"a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
            var eventName = StringMember(root, "event") ?? throw new FormatException("no \"event\"");
            if (!root.TryGetProperty("timestamp", out var stamp) || stamp.ValueKind != JsonValueKind.String
                || !stamp.TryGetDateTimeOffset(out var timestamp))
                throw new FormatException("no ISO 8601 \"timestamp\"");
            var entry = new AuditEntry(eventName, timestamp);
            // One pass over the members, not one look-up per known member: a look-up scans every
            // member, and the log is read whole for every metric (200,000 lines in a bench).
            JsonElement candidates = default;
            foreach (var member in root.EnumerateObject())
            {
                var name = member.Name;
                if (name == "candidates") (candidates, entry.CandidatesLogged) = (member.Value, true);
                else if (member.Value.ValueKind != JsonValueKind.Null) Read(entry, name, member.Value);
            }
            if (entry.CandidatesLogged && candidatesFor?.Invoke(entry) == true) ReadCandidates(entry, candidates, pool ?? new CandidatePool());
            return entry;
        }
        catch (FormatException e)
        {
            problem = $"not an audit entry: {e.Message}";
            return null;
        }
        catch (InvalidOperationException)
        {
            problem = "not an audit entry: a string holds an unpaired surrogate escape";
            return null;
        }
    }

    // Candidates that cannot be read leave the entry whole (the metrics count it as any other); only the readers that
    // replay candidates leave it out, and they say why rather than take it for an entry written before candidates were.
    private static void ReadCandidates(AuditEntry entry, JsonElement candidates, CandidatePool pool)
    {
        try
        {
            entry.Candidates = CandidateJson.Read(candidates, pool, out var heldBack);
            entry.HeldBackRows = heldBack;
        }
        catch (FormatException e)
        {
            entry.CandidatesProblem = CandidatesProblem(entry, e.Message);
        }
        catch (InvalidOperationException)
        {
            entry.CandidatesProblem = CandidatesProblem(entry, "a string holds an unpaired surrogate escape");
        }
    }

    private static string CandidatesProblem(AuditEntry entry, string problem) =>
        $"session '{ShownText.Of(entry.SessionId ?? string.Empty)}' at {AuditTimestamp.ToText(entry.Timestamp)}: {problem}";

    // The last of two members with one name wins, as a look-up by name would find it.
    private static void Read(AuditEntry entry, string name, JsonElement value)
    {
        switch (name)
        {
            case "session_id": entry.SessionId = String(value, name); break;
            case "target": entry.Target = String(value, name); break;
            case "snippet_count": entry.SnippetCount = Int32(value, name); break;
            case "max_window": entry.MaxWindow = Int32(value, name); break;
            case "snippets": entry.Snippets = Strings(value, name); break;
            case "snippet_id": entry.SnippetId = String(value, name); break;
            case "rank_position": entry.RankPosition = Int32(value, name); break;
            case "expert_query_id": entry.ExpertQueryId = Int64(value, name); break;
            case "expert_rank": entry.ExpertRank = Double(value, name); break;
            case "expert_terms": entry.ExpertTerms = String(value, name); break;
            case "expert_result_count": entry.ExpertResultCount = Int32(value, name); break;
            case "status": entry.Status = String(value, name); break;
            case "http_status": entry.HttpStatus = Int32(value, name); break;
            case "attempts": entry.Attempts = Int32(value, name); break;
            case "latency_ms": entry.LatencyMs = Latency(value); break;
            case "idempotency_key": entry.IdempotencyKey = String(value, name); break;
            case "ranking_checksum": entry.RankingChecksum = String(value, name); break;
            case "experiment": entry.Experiment = String(value, name); break;
            case "arm": entry.Arm = String(value, name); break;
            case "directive_set": entry.DirectiveSet = String(value, name); break;
            case "overflow": entry.Overflow = String(value, name); break;
            case "normalize": entry.Normalize = Boolean(value, name); break;
            case "directives": entry.Directives = DirectiveSet.Read(value.ValueKind == JsonValueKind.Array ? value.GetRawText()
                : throw new FormatException("\"directives\" is not an array")); break;
            case "error": entry.Error = String(value, name); break;
            case "note": entry.Note = String(value, name); break;
            case "files": entry.Files = Strings(value, name); break;
            case "module_version": entry.ModuleVersion = String(value, name); break;
            case "host": entry.Host = String(value, name); break;
            case "user": entry.User = String(value, name); break;
            case "prev_hash": entry.PrevHash = String(value, name); break;
            case "hash": entry.Hash = String(value, name); break;
            default: break; // event and timestamp (read first), and members a newer module added
        }
    }

    private static string? String(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"\"{name}\" is not a string");

    private static string? StringMember(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null : String(value, name);

    private static int? Int32(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
        : throw new FormatException($"\"{name}\" is not an integer");

    private static bool? Boolean(JsonElement value, string name) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw new FormatException($"\"{name}\" is not a boolean");

    private static long? Int64(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number
        : throw new FormatException($"\"{name}\" is not an integer");

    private static double? Double(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new FormatException($"\"{name}\" is not a number");

    // Integral milliseconds are written; a fractional value (another tool's) is rounded, not refused.
    private static long? Latency(JsonElement value) =>
        value.ValueKind != JsonValueKind.Number ? throw new FormatException("\"latency_ms\" is not a number")
        : value.TryGetInt64(out var whole) ? whole
        : (long)Math.Round(value.GetDouble(), MidpointRounding.AwayFromZero);

    private static IReadOnlyList<string> Strings(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Array) throw new FormatException($"\"{name}\" is not an array");
        var items = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
            items.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new FormatException($"\"{name}\" holds a non-string"));
        return items;
    }
}
