using CXoneRanking.Audit;
using CXoneRanking.Metrics;

namespace CXoneRanking.History;

/// <summary>
/// The histories of several sessions from one read of the log (Get-RankingHistory -SessionId a, b, ... or piped
/// results): one <see cref="RankingHistoryReader"/> per session, each entry routed to its session's reader by id, so
/// thousands of piped sessions cost one dictionary lookup per entry, not one reader each. Rule sets
/// (ranking.directives, few and without a session) go to every reader. An id that holds wildcard characters is also a
/// pattern (<see cref="SessionIdPattern"/>): exact first, so an id that really holds '[' or '*' is never lost.
/// </summary>
public sealed class SessionHistoryReaders
{
    private readonly RankingMetricsFilter? _range;
    private readonly Dictionary<string, RankingHistoryReader> _readers = new(StringComparer.Ordinal);
    private readonly List<RankingHistoryReader> _inOrder = [];
    private readonly List<SessionIdPattern> _patterns = [];
    private readonly List<AuditEntry> _ruleSets = [];
    private readonly List<string> _given = [];

    /// <param name="sessionIds">The sessions, in the order their histories are returned; repeats are read once.</param>
    /// <param name="range">The time range, as <see cref="RankingHistoryReader"/> takes it.</param>
    public SessionHistoryReaders(IEnumerable<string> sessionIds, RankingMetricsFilter? range = null)
    {
        _range = range;
        foreach (var id in sessionIds ?? throw new ArgumentNullException(nameof(sessionIds)))
        {
            if (id is null || _readers.ContainsKey(id)) continue;
            _given.Add(id);
            ReaderFor(id);
            if (SessionIdPattern.Of(id) is { } pattern) _patterns.Add(pattern);
        }
    }

    /// <summary>For <see cref="AuditLogReader.CandidatesFor"/>: the candidates of these sessions' entries only.</summary>
    public bool WantsCandidates(AuditEntry entry) =>
        entry.SessionId is { } id && (_readers.ContainsKey(id) || _patterns.Exists(p => p.Matches(id)));

    /// <summary>Takes one entry, in file order.</summary>
    public void Add(AuditEntry entry)
    {
        if (entry.Event == AuditEvent.RankingDirectives)
        {
            // Kept for readers a pattern opens later: a rule set is logged once, before the rankings that use it.
            _ruleSets.Add(entry);
            foreach (var reader in _inOrder) reader.Add(entry);
            return;
        }
        if (entry.SessionId is not { } id) return;
        foreach (var pattern in _patterns) pattern.See(id, entry);
        if (_readers.TryGetValue(id, out var known)) known.Add(entry);
        else if (IsSubmission(entry) && _patterns.Exists(p => p.Matches(id))) ReaderFor(id).Add(entry);
    }

    /// <summary>
    /// Reads <paramref name="entries"/> to the end; one history per session, in the order given. A pattern no session
    /// has as its exact id gives the histories of the sessions it matches, in the order the log first holds them
    /// (sessions without a ranking in the range left out), or one empty history whose <see cref="RankingHistory.Pattern"/>
    /// says it matched none.
    /// </summary>
    public IReadOnlyList<RankingHistory> Read(IEnumerable<AuditEntry> entries)
    {
        foreach (var entry in entries ?? throw new ArgumentNullException(nameof(entries))) Add(entry);
        var results = new List<RankingHistory>();
        var returned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in _given)
        {
            var pattern = _patterns.Find(p => p.Text == id);
            if (pattern is null || pattern.ExactIdSeen)
            {
                if (returned.Add(id)) results.Add(_readers[id].Result());
                continue;
            }
            var matched = pattern.Matched.Where(returned.Add).Select(m => _readers[m].Result()).Where(h => !h.IsEmpty).ToList();
            results.AddRange(matched);
            if (matched.Count == 0) results.Add(new RankingHistory { SessionId = id, Pattern = id });
        }
        return results;
    }

    private RankingHistoryReader ReaderFor(string id)
    {
        var reader = new RankingHistoryReader(id, _range);
        foreach (var ruleSet in _ruleSets) reader.Add(ruleSet);
        _readers.Add(id, reader);
        _inOrder.Add(reader);
        return reader;
    }

    private static bool IsSubmission(AuditEntry entry) => entry.Event == AuditEvent.RankingSending || AuditEvent.IsRanking(entry.Event);
}
