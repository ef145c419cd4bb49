namespace CXoneRanking.Audit;

/// <summary>
/// Session id to the ranking last applied to it at one target, built in one streaming pass over
/// the audit log (docs/design.md#skipping-unchanged-sessions). Entries of another target, or with
/// none (written before targets were recorded), are not trusted; ranking.unchanged entries change
/// nothing. What a session's entries say is kept by <see cref="AppliedRankingHistory"/>. While
/// reading, every line's hash and its link to the line before are checked
/// (<see cref="AuditChainLinks"/>): a log changed after it was written is not trusted at all, and
/// every session is sent. The log stays the only truth; nothing is cached between runs.
/// </summary>
public sealed class AppliedRankingIndex
{
    private readonly Dictionary<string, AppliedRankingHistory> _sessions = new(StringComparer.Ordinal);

    public AppliedRankingIndex(string target) => Target = target ?? throw new ArgumentNullException(nameof(target));

    /// <summary>The target (see <see cref="Api.RankingTarget"/>) whose entries count.</summary>
    public string Target { get; }

    /// <summary>Entries read, of every event and target.</summary>
    public long EntriesRead { get; private set; }

    /// <summary>Sessions of this target with any ranking entry.</summary>
    public int Sessions => _sessions.Count;

    /// <summary>
    /// Why the log is not trusted (a line changed, removed or inserted after it was written, with
    /// its file and line), or null. When set, no session is known to be applied.
    /// </summary>
    public string? Problem { get; private set; }

    /// <summary>The index of every entry of <paramref name="directory"/>; empty when there is no such directory yet.</summary>
    /// <exception cref="IOException">A file could not be read.</exception>
    public static AppliedRankingIndex Read(string directory, string target, CancellationToken cancellationToken = default)
    {
        var index = new AppliedRankingIndex(target);
        if (!System.IO.Directory.Exists(directory)) return index;
        using var links = new AuditChainLinks();
        foreach (var pair in AuditLogSnapshot.Take(directory, cancellationToken).Lines(cancellationToken))
        {
            // Entries lost with a damaged compressed file could be the ones that say a session changed.
            if (pair.Value.Damage is { } damage) index.Problem ??= $"{damage} ({Path.GetFileName(pair.Key.Path)})";
            if (pair.Value.IsBlank) continue;
            index.EntriesRead++;
            // A line that is not an entry is a torn write: stepped over, as the other readers do.
            if (RankingLineFields.TryRead(pair.Value.Memory.Span) is not { } line) continue;
            if (index.Problem is null && links.Problem(pair.Value) is { } problem)
                index.Problem = $"{problem} ({Path.GetFileName(pair.Key.Path)}, line {pair.Value.Number})";
            if (line.Event is { } eventName)
                index.Add(eventName, line.SessionId, line.Target, line.IdempotencyKey, line.RankingChecksum, line.Timestamp);
        }
        return index;
    }

    /// <summary>Takes one entry into account; entries must come in log order.</summary>
    public void Add(AuditEntry entry)
    {
        if (entry is null) throw new ArgumentNullException(nameof(entry));
        EntriesRead++;
        Add(entry.Event, entry.SessionId, entry.Target, entry.IdempotencyKey, entry.RankingChecksum, entry.Timestamp);
    }

    private void Add(string eventName, string? sessionId, string? target, string? idempotencyKey, string? checksum, DateTimeOffset at)
    {
        var sending = eventName == AuditEvent.RankingSending;
        if (!sending && !AuditEvent.IsRanking(eventName)) return;
        if (sessionId is null || !string.Equals(target, Target, StringComparison.Ordinal)) return;
        if (!_sessions.TryGetValue(sessionId, out var history)) _sessions[sessionId] = history = new AppliedRankingHistory(sessionId);
        if (sending) history.Sending(idempotencyKey, EntriesRead);
        else history.Outcome(eventName, idempotencyKey, checksum, at, EntriesRead);
    }

    /// <summary>The ranking the server holds for the session by this log, or null when it is unknown or none.</summary>
    public AppliedRanking? LastApplied(string sessionId) =>
        Problem is null && sessionId is not null && _sessions.TryGetValue(sessionId, out var history) ? history.Applied : null;

    /// <summary>The applied ranking when it has <paramref name="rankingChecksum"/>: the session need not be sent; else null.</summary>
    public AppliedRanking? Unchanged(string sessionId, string rankingChecksum) =>
        LastApplied(sessionId) is { } applied && string.Equals(applied.RankingChecksum, rankingChecksum, StringComparison.OrdinalIgnoreCase)
            ? applied
            : null;
}
