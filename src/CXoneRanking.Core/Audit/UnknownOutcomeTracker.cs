using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// The verifier's view of write-ahead entries: each ranking.sending entry stays open until an
/// outcome entry (ranking.submitted, .failed or .cancelled) with its idempotency_key is read.
/// What is still open at the end is the list of sessions with an unknown outcome.
/// </summary>
internal sealed class UnknownOutcomeTracker
{
    private readonly Dictionary<string, UnknownOutcome> _open = new(StringComparer.Ordinal);

    public void Add(JsonElement root, string file, int lineNumber)
    {
        if (root.ValueKind != JsonValueKind.Object || Text(root, "idempotency_key") is not { } key) return;
        var eventName = Text(root, "event");
        if (eventName == AuditEvent.RankingSending) _open[key] = new UnknownOutcome(Text(root, "session_id"), key, file, lineNumber);
        else if (AuditEvent.IsRanking(eventName)) _open.Remove(key);
    }

    /// <summary>The write-ahead entries left without an outcome, in log order.</summary>
    public IReadOnlyList<UnknownOutcome> Open(IEnumerable<AuditLogFile> files)
    {
        // By either name of each file: one compressed while it was read is named by its .gz.
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (file, i) in files.Select((f, i) => (f, i)))
        {
            order[file.RawPath] = i;
            order[file.CompressedPath] = i;
        }
        return _open.Values.OrderBy(u => order.TryGetValue(u.File, out var i) ? i : int.MaxValue).ThenBy(u => u.LineNumber).ToList();
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
