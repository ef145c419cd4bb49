using CXoneRanking.Audit;
using CXoneRanking.Metrics;

namespace CXoneRanking.History;

/// <summary>
/// The histories of several sessions from one read of the log (Get-RankingHistory -SessionId a, b, ... or piped
/// results): one <see cref="RankingHistoryReader"/> per session, each entry routed to its session's reader by id, so
/// thousands of piped sessions cost one dictionary lookup per entry, not one reader each. Rule sets
/// (ranking.directives, few and without a session) go to every reader.
/// </summary>
public sealed class SessionHistoryReaders
{
    private readonly Dictionary<string, RankingHistoryReader> _readers = new(StringComparer.Ordinal);
    private readonly List<RankingHistoryReader> _inOrder = [];

    /// <param name="sessionIds">The sessions, in the order their histories are returned; repeats are read once.</param>
    /// <param name="range">The time range, as <see cref="RankingHistoryReader"/> takes it.</param>
    public SessionHistoryReaders(IEnumerable<string> sessionIds, RankingMetricsFilter? range = null)
    {
        foreach (var id in sessionIds ?? throw new ArgumentNullException(nameof(sessionIds)))
        {
            if (id is null || _readers.ContainsKey(id)) continue;
            var reader = new RankingHistoryReader(id, range);
            _readers.Add(id, reader);
            _inOrder.Add(reader);
        }
    }

    /// <summary>For <see cref="AuditLogReader.CandidatesFor"/>: the candidates of these sessions' entries only.</summary>
    public bool WantsCandidates(AuditEntry entry) => entry.SessionId is { } id && _readers.ContainsKey(id);

    /// <summary>Takes one entry, in file order.</summary>
    public void Add(AuditEntry entry)
    {
        if (entry.Event == AuditEvent.RankingDirectives)
            foreach (var reader in _inOrder) reader.Add(entry);
        else if (entry.SessionId is { } id && _readers.TryGetValue(id, out var reader)) reader.Add(entry);
    }

    /// <summary>Reads <paramref name="entries"/> to the end; one history per session, in the order given.</summary>
    public IReadOnlyList<RankingHistory> Read(IEnumerable<AuditEntry> entries)
    {
        foreach (var entry in entries ?? throw new ArgumentNullException(nameof(entries))) Add(entry);
        return _inOrder.Select(reader => reader.Result()).ToList();
    }
}
