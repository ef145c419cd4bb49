using CXoneRanking.Audit;

namespace CXoneRanking.Metrics;

/// <summary>
/// Computes <see cref="RankingMetrics"/> from a stream of audit entries in one pass, keeping only
/// per-position, per-snippet and per-session tallies (and the latencies, for percentiles), so
/// the cmdlet and any report built on the same files agree to the last digit.
/// </summary>
public sealed class RankingMetricsCalculator
{
    public const int TopSnippetCount = 10;

    private readonly RankingMetricsFilter _filter;
    private readonly List<long> _latencies = [];
    private readonly Dictionary<int, long[]> _positions = [];                             // position -> [impressions, clicks]
    private readonly Dictionary<string, long[]> _snippets = new(StringComparer.Ordinal); // snippet id -> [impressions, clicks]
    private readonly List<string> _succeededSessions = [];
    private readonly Dictionary<string, AuditEntry> _firstClick = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SessionClickLedger> _ledgers = new(StringComparer.Ordinal);
    private readonly ImportedSearchTally _imported = new();
    private readonly UnansweredSendings _sending = new();
    private int _succeeded, _failed, _cancelled, _unchanged;
    private long _impressions, _clicks;
    private DateTimeOffset? _firstEntry, _lastEntry;

    public RankingMetricsCalculator(RankingMetricsFilter? filter = null) => _filter = filter ?? new RankingMetricsFilter();

    public static RankingMetrics Calculate(IEnumerable<AuditEntry> entries, RankingMetricsFilter? filter = null)
    {
        var calculator = new RankingMetricsCalculator(filter);
        foreach (var entry in entries) calculator.Add(entry);
        return calculator.Result();
    }

    /// <summary>
    /// Counts one entry if the filter includes it; entries of unknown events are ignored. A
    /// ranking.sending entry counts only while no outcome with its idempotency key has been read
    /// (then as <see cref="RankingMetrics.OutcomeUnknown"/>); the outcome closes it even when the
    /// filter leaves the outcome out, so a range that ends between the two does not invent one.
    /// </summary>
    public void Add(AuditEntry entry)
    {
        _sending.Answer(entry);
        if (!_filter.Includes(entry)) return;
        if (entry.Event == AuditEvent.Click) AddClick(entry);
        else if (AuditEvent.IsRanking(entry.Event)) AddRanking(entry);
        else if (entry.Event == AuditEvent.ExpertSearch) AddImportedSearch(entry);
        else if (entry.Event == AuditEvent.RankingUnchanged) _unchanged++;   // neither sent nor failed
        else if (!_sending.Open(entry)) return;
        if (_firstEntry is not { } first || entry.Timestamp < first) _firstEntry = entry.Timestamp;
        if (_lastEntry is not { } last || entry.Timestamp > last) _lastEntry = entry.Timestamp;
    }

    /// <summary>The metrics of the entries added so far.</summary>
    public RankingMetrics Result()
    {
        var latencies = _latencies.OrderBy(l => l).ToList();
        var bySnippet = new Dictionary<string, long>(StringComparer.Ordinal);
        var byPosition = new Dictionary<int, long>();
        long clicked = 0, withoutRanking = 0;
        foreach (var ledger in _ledgers.Values)
        {
            if (!ledger.Shown)
            {
                withoutRanking += ledger.ClickCount;
                continue;
            }
            clicked += ledger.Total();
            foreach (var pair in ledger.BySnippet()) bySnippet[pair.Key] = Found(bySnippet, pair.Key) + pair.Value;
            foreach (var pair in ledger.ByPosition()) byPosition[pair.Key] = Found(byPosition, pair.Key) + pair.Value;
        }
        return new RankingMetrics
        {
            Since = _filter.Since,
            Until = _filter.Until,
            FirstEntry = _firstEntry,
            LastEntry = _lastEntry,
            Succeeded = _succeeded,
            Failed = _failed,
            Cancelled = _cancelled,
            OutcomeUnknown = _sending.Count,
            Unchanged = _unchanged,
            // Summed as doubles: a damaged or hand-edited line may hold a huge latency.
            AverageLatencyMs = latencies.Count == 0 ? null : latencies.Average(l => (double)l),
            P50LatencyMs = NearestRank.Percentile(latencies, 50),
            P95LatencyMs = NearestRank.Percentile(latencies, 95),
            P99LatencyMs = NearestRank.Percentile(latencies, 99),
            Impressions = _impressions,
            Clicks = _clicks,
            ClickedImpressions = clicked,
            ClicksWithoutRanking = withoutRanking,
            ClickThroughRateByPosition = _positions.OrderBy(p => p.Key)
                .Select(p => new PositionClickThrough(p.Key, p.Value[0], p.Value[1], Found(byPosition, p.Key))).ToList(),
            MeanReciprocalRank = _succeededSessions.Count == 0 ? 0.0
                : _succeededSessions.Sum(s => _firstClick.TryGetValue(s, out var click) ? 1.0 / click.RankPosition!.Value : 0.0)
                    / _succeededSessions.Count,
            TopSnippets = _snippets.Where(s => s.Value[1] > 0)
                .OrderByDescending(s => s.Value[1]).ThenBy(s => s.Key, StringComparer.Ordinal)
                .Take(TopSnippetCount)
                .Select(s => new SnippetClickSummary(s.Key, _imported.ImpressionsKnown(s.Key) ? s.Value[0] : null, s.Value[1],
                    Found(bySnippet, s.Key))).ToList(),
            ImportedSearches = _imported.Searches,
        };
    }

    private void AddRanking(AuditEntry entry)
    {
        if (entry.LatencyMs is { } latency) _latencies.Add(latency);
        if (entry.Event != AuditEvent.RankingSubmitted)
        {
            _failed++;
            if (entry.Event == AuditEvent.RankingCancelled) _cancelled++;
            return;
        }
        _succeeded++;
        var shown = entry.Snippets ?? [];
        AddShown(entry.SessionId, shown.Count);
        if (entry.SessionId is { } session) Ledger(session).AddRanking(shown);
        for (var i = 0; i < shown.Count; i++) Tally(_snippets, shown[i])[0]++;
    }

    // A ranking shown to an agent: a successful submission, or an imported Expert search (whose snippets are unknown).
    private void AddShown(string? session, int shownCount)
    {
        if (session is not null && (shownCount > 0 || !_imported.IsImported(session))) _succeededSessions.Add(session);
        _impressions += shownCount;
        for (var i = 0; i < shownCount; i++) Tally(_positions, i + 1)[0]++;
    }

    private void AddImportedSearch(AuditEntry entry)
    {
        var shownCount = _imported.AddSearch(entry);
        AddShown(entry.SessionId, shownCount);
        if (entry.SessionId is { } session) Ledger(session).AddImportedSearch(shownCount);
    }

    private SessionClickLedger Ledger(string session)
    {
        if (!_ledgers.TryGetValue(session, out var ledger)) _ledgers[session] = ledger = new SessionClickLedger();
        return ledger;
    }

    private void AddClick(AuditEntry entry)
    {
        _clicks++;
        if (entry.SessionId is { } clickSession) Ledger(clickSession).AddClick(entry.SnippetId, entry.RankPosition);
        if (entry.SnippetId is { } snippet) Tally(_snippets, snippet)[1]++;
        _imported.AddClick(entry);
        if (entry.RankPosition is not (>= 1 and var position)) return;
        Tally(_positions, position)[1]++;
        // The session's first click is its earliest; on a tie, the one read first.
        if (entry.SessionId is { } session && (!_firstClick.TryGetValue(session, out var first) || entry.Timestamp < first.Timestamp))
            _firstClick[session] = entry;
    }

    private static long Found<TKey>(Dictionary<TKey, long> counts, TKey key) where TKey : notnull =>
        counts.TryGetValue(key, out var n) ? n : 0;

    private static long[] Tally<TKey>(Dictionary<TKey, long[]> tallies, TKey key) where TKey : notnull
    {
        if (!tallies.TryGetValue(key, out var tally)) tallies[key] = tally = new long[2];
        return tally;
    }
}
