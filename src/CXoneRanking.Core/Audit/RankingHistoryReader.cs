using CXoneRanking.Metrics;

namespace CXoneRanking.Audit;

/// <summary>
/// Reads the history of one session from a stream of audit entries (docs/audit-log.md#how-a-ranking-came-to-be): each
/// submission (write-ahead entry paired with its outcome, or the outcome alone of one never sent, or a write-ahead entry
/// whose outcome is unknown) whose time (its outcome's) is in the range, as a <see cref="LoggedRanking"/>. Only the
/// session's own entries have their candidates read (<see cref="WantsCandidates"/>). ranking.unchanged entries are not
/// submissions (the ranking they repeat is in the history) and are left out.
/// </summary>
public sealed class RankingHistoryReader
{
    private readonly string _sessionId;
    private readonly RankingMetricsFilter _range;
    private readonly LoggedRankingAssembler _assembler = new();
    private readonly List<LoggedRanking> _rankings = [];

    /// <param name="sessionId">The session (exact, case-sensitive).</param>
    /// <param name="range">The time range (<see cref="RankingMetricsFilter.Since"/>, <see cref="RankingMetricsFilter.Until"/>);
    /// its sessions are not used.</param>
    public RankingHistoryReader(string sessionId, RankingMetricsFilter? range = null)
    {
        _sessionId = sessionId ?? throw new ArgumentNullException(nameof(sessionId));
        _range = new RankingMetricsFilter { Since = range?.Since, Until = range?.Until };
    }

    /// <summary>For <see cref="AuditLogReader.CandidatesFor"/>: the candidates of this session's entries only.</summary>
    public bool WantsCandidates(AuditEntry entry) => string.Equals(entry.SessionId, _sessionId, StringComparison.Ordinal);

    /// <summary>Takes one entry, in file order.</summary>
    public void Add(AuditEntry entry)
    {
        if (_assembler.AddDirectives(entry) || !string.Equals(entry.SessionId, _sessionId, StringComparison.Ordinal)) return;
        if (entry.Event == AuditEvent.RankingSending) _assembler.AddSending(entry);
        else if (AuditEvent.IsRanking(entry.Event)) Keep(_assembler.Complete(entry));
    }

    /// <summary>The history of the entries added so far.</summary>
    public RankingHistory Result()
    {
        foreach (var unanswered in _assembler.Unanswered()) Keep(unanswered);
        var withCandidates = _rankings.Where(r => r.HasCandidates).ToList();
        var unreadable = _rankings.Where(r => r.CandidatesProblem is not null).ToList();
        var notFound = withCandidates.Count(r => !_assembler.Resolve(r));
        return new RankingHistory
        {
            SessionId = _sessionId,
            // Stable: on equal timestamps, the order the log holds them in.
            Rankings = withCandidates.OrderBy(r => r.Timestamp).ToList(),
            WithoutCandidates = _rankings.Count - withCandidates.Count - unreadable.Count,
            UnreadableCandidates = unreadable.Count,
            FirstCandidatesProblem = unreadable.FirstOrDefault()?.CandidatesProblem,
            DirectiveSetsNotFound = notFound,
        };
    }

    /// <summary>Reads <paramref name="entries"/> to the end and returns the history.</summary>
    public RankingHistory Read(IEnumerable<AuditEntry> entries)
    {
        if (entries is null) throw new ArgumentNullException(nameof(entries));
        foreach (var entry in entries) Add(entry);
        return Result();
    }

    /// <summary>The history of <paramref name="sessionId"/> in the audit log at <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static RankingHistory Read(string directory, string sessionId, RankingMetricsFilter? range = null,
        CancellationToken cancellationToken = default)
    {
        var history = new RankingHistoryReader(sessionId, range);
        var reader = new AuditLogReader(directory) { CandidatesFor = history.WantsCandidates, HashCheckedFor = history.WantsCandidates };
        return history.Read(reader.ReadEntries(cancellationToken));
    }

    private void Keep(LoggedRanking ranking)
    {
        if (InRange(ranking.Timestamp)) _rankings.Add(ranking);
    }

    private bool InRange(DateTimeOffset at) => (_range.Since is not { } since || at >= since) && (_range.Until is not { } until || at < until);
}
