namespace CXoneRanking.Audit;

/// <summary>
/// Pairs, in one pass in file order, each write-ahead entry with its outcome by idempotency_key (as the metrics pair them,
/// <see cref="UnansweredSendings"/>), and keeps the rule sets the log holds, so each submission becomes one
/// <see cref="LoggedRanking"/> with its candidates from its first entry. Only write-ahead entries the caller keeps wait
/// for their outcome; an outcome without one is a submission of its own (a ranking never sent, or an older entry).
/// </summary>
internal sealed class LoggedRankingAssembler
{
    private readonly Dictionary<string, AuditEntry> _sendings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveSet> _sets = new(StringComparer.Ordinal);

    /// <summary>Keeps the rule set of a ranking.directives entry; true when <paramref name="entry"/> is one.</summary>
    public bool AddDirectives(AuditEntry entry)
    {
        if (entry.Event != AuditEvent.RankingDirectives) return false;
        // Keyed by the hash of the stored rules, not the hash the entry states: an edited set is not found.
        if (entry.Directives is { } set && set.Hash == entry.DirectiveSet) _sets[set.Hash] = set;
        return true;
    }

    /// <summary>Holds a write-ahead entry until its outcome is read.</summary>
    public void AddSending(AuditEntry sending)
    {
        if (sending.IdempotencyKey is { } key) _sendings[key] = sending;
    }

    /// <summary>The submission <paramref name="outcome"/> ends: paired with its write-ahead entry when one was kept.</summary>
    public LoggedRanking Complete(AuditEntry outcome)
    {
        if (outcome.IdempotencyKey is { } key && _sendings.TryGetValue(key, out var sending))
        {
            _sendings.Remove(key);
            return new LoggedRanking(sending, outcome);
        }
        return new LoggedRanking(outcome, outcome);
    }

    /// <summary>Forgets the write-ahead entry <paramref name="outcome"/> answers, for an outcome the caller does not use.</summary>
    public void Forget(AuditEntry outcome)
    {
        if (outcome.IdempotencyKey is { } key) _sendings.Remove(key);
    }

    /// <summary>The write-ahead entries no outcome answered: sessions whose outcome is unknown.</summary>
    public IEnumerable<LoggedRanking> Unanswered() => _sendings.Values.Select(sending => new LoggedRanking(sending, null));

    /// <summary>Looks the ranking's rule set up; false when it has one the log does not hold.</summary>
    public bool Resolve(LoggedRanking ranking) => ranking.Resolve(_sets);
}
