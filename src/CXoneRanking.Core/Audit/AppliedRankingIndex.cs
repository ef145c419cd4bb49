namespace CXoneRanking.Audit;

/// <summary>
/// Session id to the ranking last applied to it at one target, built in one streaming pass over
/// the audit log (docs/design.md#skipping-unchanged-sessions). A session counts as applied only
/// when its latest ranking outcome is ranking.submitted and no write-ahead entry of it is still
/// open: a later failure, cancellation or unknown outcome (a ranking.sending entry without its
/// outcome) means the server may hold something else, so the session is sent again. Entries of
/// another target, or with none (written before targets were recorded), are not trusted.
/// ranking.unchanged entries change nothing: the applied entry behind them stays the answer.
/// The log stays the only truth; nothing is cached between runs.
/// </summary>
public sealed class AppliedRankingIndex
{
    private readonly Dictionary<string, SessionRecord> _sessions = new(StringComparer.Ordinal);

    public AppliedRankingIndex(string target) => Target = target ?? throw new ArgumentNullException(nameof(target));

    /// <summary>The target (see <see cref="Api.RankingTarget"/>) whose entries count.</summary>
    public string Target { get; }

    /// <summary>Entries read, of every event and target.</summary>
    public long EntriesRead { get; private set; }

    /// <summary>Sessions of this target with any ranking entry.</summary>
    public int Sessions => _sessions.Count;

    /// <summary>The index of every entry of <paramref name="directory"/>; empty when there is no such directory yet.</summary>
    /// <exception cref="IOException">A file could not be read.</exception>
    public static AppliedRankingIndex Read(string directory, string target, CancellationToken cancellationToken = default)
    {
        var index = new AppliedRankingIndex(target);
        if (!System.IO.Directory.Exists(directory)) return index;
        foreach (var pair in AuditLogSnapshot.Take(directory, cancellationToken).Lines(cancellationToken))
        {
            if (pair.Value.IsBlank) continue;
            index.EntriesRead++;
            if (RankingLineFields.TryRead(pair.Value.Memory.Span) is { } line)
                index.Add(line.Event!, line.SessionId, line.Target, line.IdempotencyKey, line.RankingChecksum, line.Timestamp);
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
        if (!_sessions.TryGetValue(sessionId, out var record)) _sessions[sessionId] = record = new SessionRecord();
        if (sending) record.Open(idempotencyKey);
        else record.Close(eventName, sessionId, idempotencyKey, checksum, at);
    }

    /// <summary>The ranking the server holds for the session by this log, or null when it is unknown or none.</summary>
    public AppliedRanking? LastApplied(string sessionId) =>
        sessionId is not null && _sessions.TryGetValue(sessionId, out var record) ? record.Settled : null;

    /// <summary>The applied ranking when it has <paramref name="rankingChecksum"/>: the session need not be sent; else null.</summary>
    public AppliedRanking? Unchanged(string sessionId, string rankingChecksum) =>
        LastApplied(sessionId) is { } applied && string.Equals(applied.RankingChecksum, rankingChecksum, StringComparison.OrdinalIgnoreCase)
            ? applied
            : null;

    private sealed class SessionRecord
    {
        private List<string?>? _open;
        private AppliedRanking? _last;

        public AppliedRanking? Settled => _open is { Count: > 0 } ? null : _last;

        public void Open(string? idempotencyKey) => (_open ??= []).Add(idempotencyKey);

        // Any outcome replaces what was known: only a success leaves a ranking known to be applied.
        public void Close(string eventName, string sessionId, string? idempotencyKey, string? checksum, DateTimeOffset at)
        {
            _open?.Remove(idempotencyKey);
            _last = eventName == AuditEvent.RankingSubmitted && checksum is not null
                ? new AppliedRanking(sessionId, checksum, idempotencyKey, at)
                : null;
        }
    }
}
