using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// Reads an entry back from one stored line. Lenient about members it does not know (a newer
/// module may add some) and strict about the types of those it does.
/// </summary>
internal static class AuditEntryParser
{
    /// <summary>The entry, or null with the reason the line is not one.</summary>
    public static AuditEntry? Parse(JsonElement root, out string? problem)
    {
        problem = null;
        try
        {
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException($"a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
            var eventName = String(root, "event") ?? throw new FormatException("no \"event\"");
            if (!root.TryGetProperty("timestamp", out var stamp) || stamp.ValueKind != JsonValueKind.String
                || !stamp.TryGetDateTimeOffset(out var timestamp))
                throw new FormatException("no ISO 8601 \"timestamp\"");
            return new AuditEntry(eventName, timestamp)
            {
                SessionId = String(root, "session_id"),
                Target = String(root, "target"),
                SnippetCount = Int32(root, "snippet_count"),
                MaxWindow = Int32(root, "max_window"),
                Snippets = Strings(root, "snippets"),
                SnippetId = String(root, "snippet_id"),
                RankPosition = Int32(root, "rank_position"),
                ExpertQueryId = Int64(root, "expert_query_id"),
                ExpertRank = Double(root, "expert_rank"),
                ExpertTerms = String(root, "expert_terms"),
                ExpertResultCount = Int32(root, "expert_result_count"),
                Status = String(root, "status"),
                HttpStatus = Int32(root, "http_status"),
                Attempts = Int32(root, "attempts"),
                LatencyMs = Latency(root),
                IdempotencyKey = String(root, "idempotency_key"),
                RankingChecksum = String(root, "ranking_checksum"),
                Experiment = String(root, "experiment"),
                Arm = String(root, "arm"),
                Error = String(root, "error"),
                Note = String(root, "note"),
                ModuleVersion = String(root, "module_version"),
                Host = String(root, "host"),
                User = String(root, "user"),
                PrevHash = String(root, "prev_hash"),
                Hash = String(root, "hash"),
            };
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

    private static bool Present(JsonElement root, string name, out JsonElement value) =>
        root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static string? String(JsonElement root, string name) =>
        !Present(root, name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new FormatException($"\"{name}\" is not a string");

    private static int? Int32(JsonElement root, string name) =>
        !Present(root, name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
        : throw new FormatException($"\"{name}\" is not an integer");

    private static long? Int64(JsonElement root, string name) =>
        !Present(root, name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number
        : throw new FormatException($"\"{name}\" is not an integer");

    private static double? Double(JsonElement root, string name) =>
        !Present(root, name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : throw new FormatException($"\"{name}\" is not a number");

    // Integral milliseconds are written; a fractional value (another tool's) is rounded, not refused.
    private static long? Latency(JsonElement root) =>
        !Present(root, "latency_ms", out var value) ? null
        : value.ValueKind != JsonValueKind.Number ? throw new FormatException("\"latency_ms\" is not a number")
        : value.TryGetInt64(out var whole) ? whole
        : (long)Math.Round(value.GetDouble(), MidpointRounding.AwayFromZero);

    private static IReadOnlyList<string>? Strings(JsonElement root, string name)
    {
        if (!Present(root, name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Array) throw new FormatException($"\"{name}\" is not an array");
        var items = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
            items.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new FormatException($"\"{name}\" holds a non-string"));
        return items;
    }
}
