namespace CXoneRanking.Audit;

/// <summary>
/// What one session's ranking entries at one target say the engine holds. A submission's POSTs
/// all happen between its write-ahead entry and its outcome entry, so two submissions are ordered
/// only when one's outcome was written before the other's write-ahead entry; sends that
/// overlapped (two runs at once, or a slow callback delaying an outcome) may have been applied in
/// either order, whatever order their outcomes were written in. The session is then known to hold
/// a ranking only when every submission that may have been applied last succeeded with the same
/// checksum. A write-ahead entry with no outcome (a killed run, or one still running) makes the
/// outcome unknown until a success whose write-ahead entry came after it settles it.
/// Positions are entry numbers in log order.
/// </summary>
internal sealed class AppliedRankingHistory(string sessionId)
{
    // Write-ahead entries without an outcome yet: idempotency key to position.
    private Dictionary<string, long>? _open;

    // Answered submissions that may have been applied last: none of them ended before another began.
    private readonly List<Answered> _lastCandidates = [];

    public void Sending(string? idempotencyKey, long position)
    {
        // Whatever was answered before this send began was applied before it.
        _lastCandidates.RemoveAll(c => c.AnsweredAt < position);
        (_open ??= new Dictionary<string, long>(StringComparer.Ordinal))[idempotencyKey ?? string.Empty] = position;
    }

    /// <summary>
    /// Any outcome counts; only ranking.submitted with a checksum is a ranking known to be
    /// applied. An outcome with no write-ahead entry (never sent, or written by an older module)
    /// began where it stands.
    /// </summary>
    public void Outcome(string eventName, string? idempotencyKey, string? checksum, DateTimeOffset at, long position)
    {
        var began = position;
        var key = idempotencyKey ?? string.Empty;
        if (_open is not null && _open.TryGetValue(key, out var sentAt))
        {
            began = sentAt;
            _open.Remove(key);
        }
        _lastCandidates.RemoveAll(c => c.AnsweredAt < began);
        var applied = eventName == AuditEvent.RankingSubmitted && checksum is not null
            ? new AppliedRanking(sessionId, checksum, idempotencyKey, at)
            : null;
        _lastCandidates.Add(new Answered(began, position, applied));
    }

    /// <summary>The ranking the engine holds by these entries, or null when it is unknown or none.</summary>
    public AppliedRanking? Applied
    {
        get
        {
            AppliedRanking? last = null;
            foreach (var candidate in _lastCandidates)
            {
                if (candidate.Ranking is not { } ranking) return null;
                if (last is not null && !string.Equals(last.RankingChecksum, ranking.RankingChecksum, StringComparison.OrdinalIgnoreCase))
                    return null;
                last = ranking;
            }
            if (last is null || _open is null) return last;
            foreach (var sentAt in _open.Values)
                if (!_lastCandidates.Exists(c => c.BeganAt > sentAt)) return null;
            return last;
        }
    }

    private sealed record Answered(long BeganAt, long AnsweredAt, AppliedRanking? Ranking);
}
