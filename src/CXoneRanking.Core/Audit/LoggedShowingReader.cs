using CXoneRanking.Metrics;

namespace CXoneRanking.Audit;

/// <summary>
/// Reads, from a stream of audit entries, every distinct successful showing in range that has its candidates, with the
/// clicks attributed to it, for a what-if (docs/what-if.md). Showings and clicks are joined by the one rule the metrics use
/// (<see cref="RankingsInForce{T}"/>: re-sends dropped, imported Expert searches in force like rankings), and counted the
/// way the metrics count them (<see cref="MetricsShowing"/>), so the used and left-out figures add up to Get-RankingMetrics'
/// over the same filter. A showing's candidates are on the write-ahead entry of its idempotency key; only write-ahead
/// entries have their candidates read (<see cref="WantsCandidates"/>), and each is held only until its outcome is read.
/// </summary>
public sealed class LoggedShowingReader
{
    private readonly RankingMetricsFilter _filter;
    private readonly LoggedRankingAssembler _assembler = new();
    private readonly RankingsInForce<Showing> _showings = new();
    private readonly ImportedSearchTally _imported = new();
    private readonly List<AuditEntry> _clicks = [];
    private readonly Rows.StringPool _ids = new(1 << 18);   // the shown ids repeat across sessions: one copy each

    /// <param name="filter">The time range and sessions, as Get-RankingMetrics takes them; null for the whole log.</param>
    public LoggedShowingReader(RankingMetricsFilter? filter = null) => _filter = filter ?? new RankingMetricsFilter();

    /// <summary>For <see cref="AuditLogReader.CandidatesFor"/>: the candidates of write-ahead entries only.</summary>
    public bool WantsCandidates(AuditEntry entry) => entry.Event == AuditEvent.RankingSending;

    /// <summary>Takes one entry, in file order.</summary>
    public void Add(AuditEntry entry)
    {
        if (_assembler.AddDirectives(entry)) return;
        if (entry.Event == AuditEvent.RankingSending)
        {
            // Before the filter: a write-ahead entry just before Since belongs to an outcome in range.
            if (entry.Candidates is not null || entry.CandidatesProblem is not null) _assembler.AddSending(entry);
        }
        else if (AuditEvent.IsRanking(entry.Event)) AddOutcome(entry);
        else if (!_filter.Includes(entry) || entry.SessionId is not { } session) return;
        else if (entry.Event == AuditEvent.ExpertSearch)
            _showings.Add(session, entry.Timestamp, null, new Showing(new MetricsShowing(null, _imported.AddSearch(entry)), null));
        else if (entry.Event == AuditEvent.Click) _clicks.Add(entry);
    }

    private void AddOutcome(AuditEntry outcome)
    {
        if (outcome.Event != AuditEvent.RankingSubmitted || !_filter.Includes(outcome) || outcome.SessionId is not { } session)
        {
            _assembler.Forget(outcome);
            return;
        }
        var shown = outcome.Snippets is { } ids ? ids.Select(_ids.Share).ToList() : [];
        outcome.Snippets = shown;
        var item = new Showing(new MetricsShowing(shown, shown.Count), _assembler.Complete(outcome));
        _showings.Add(session, outcome.Timestamp, RankingsInForce<Showing>.KeyOf(outcome), item);
    }

    /// <summary>The showings of the entries added so far, with their clicks.</summary>
    public LoggedShowings Result()
    {
        foreach (var (_, showing) in _showings.Showings()) showing.Clear();
        foreach (var click in _clicks) _showings.InForceAt(click.SessionId!, click.Timestamp)?.Add(click);
        var used = new List<LoggedShowing>();
        var sessions = new HashSet<string>(StringComparer.Ordinal);
        int withoutCandidates = 0, expert = 0, notFound = 0, unreadable = 0;
        string? firstProblem = null;
        long impressions = 0, clicked = 0, impressionsLeftOut = 0, clickedLeftOut = 0;
        foreach (var (session, showing) in _showings.Showings())
        {
            var tally = showing.Tally;
            if (showing.Ranking is not { HasCandidates: true } ranking)
            {
                if (tally.Imported) expert++;
                else if (showing.Ranking?.CandidatesProblem is { } problem) (unreadable, firstProblem) = (unreadable + 1, firstProblem ?? problem);
                else withoutCandidates++;
                impressionsLeftOut += tally.Length;
                clickedLeftOut += tally.ClickedImpressions;
                continue;
            }
            if (!_assembler.Resolve(ranking)) notFound++;
            impressions += tally.Length;
            clicked += tally.ClickedImpressions;
            sessions.Add(session);
            used.Add(new LoggedShowing(ranking, showing.ClickedPositions(), tally.FirstPosition, showing.Clicks));
        }
        return new LoggedShowings
        {
            Showings = used, Sessions = sessions.Count, WithoutCandidates = withoutCandidates, ExpertSearches = expert,
            UnreadableCandidates = unreadable, FirstCandidatesProblem = firstProblem,
            DirectiveSetsNotFound = notFound, Impressions = impressions, ClickedImpressions = clicked,
            ImpressionsLeftOut = impressionsLeftOut, ClickedImpressionsLeftOut = clickedLeftOut,
        };
    }

    /// <summary>Reads <paramref name="entries"/> to the end and returns the showings.</summary>
    public LoggedShowings Read(IEnumerable<AuditEntry> entries)
    {
        if (entries is null) throw new ArgumentNullException(nameof(entries));
        foreach (var entry in entries) Add(entry);
        return Result();
    }

    /// <summary>The showings of the audit log at <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static LoggedShowings Read(string directory, RankingMetricsFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var showings = new LoggedShowingReader(filter);
        var reader = new AuditLogReader(directory) { CandidatesFor = showings.WantsCandidates };
        return showings.Read(reader.ReadEntries(cancellationToken));
    }

    /// <summary>A showing in force: the metrics' tally of it, its logged ranking (null for an imported search), its clicks.</summary>
    private sealed class Showing(MetricsShowing tally, LoggedRanking? ranking)
    {
        private readonly List<AuditEntry> _clicks = [];

        public MetricsShowing Tally { get; } = tally;
        public LoggedRanking? Ranking { get; } = ranking;
        public IReadOnlyList<AuditEntry> Clicks => _clicks.ToList();

        public void Clear()
        {
            Tally.Clear();
            _clicks.Clear();
        }

        public void Add(AuditEntry click)
        {
            var notShown = Tally.NotShown;
            Tally.Add(click);
            if (Tally.NotShown == notShown) _clicks.Add(click);
        }

        // Where the clicked snippets were shown: one position per clicked impression, as the metrics count them.
        public IReadOnlyList<int> ClickedPositions()
        {
            var shown = Tally.Snippets ?? [];
            var positions = new List<int>();
            foreach (var snippet in Tally.ClickedSnippets)
            {
                for (var i = 0; i < shown.Count; i++)
                {
                    if (!string.Equals(shown[i], snippet, StringComparison.Ordinal)) continue;
                    positions.Add(i + 1);
                    break;
                }
            }
            positions.Sort();
            return positions;
        }
    }
}
