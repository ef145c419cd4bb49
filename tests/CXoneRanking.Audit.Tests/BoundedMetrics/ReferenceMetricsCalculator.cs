using CXoneRanking.Audit;

using CXoneRanking.Metrics;

namespace CXoneRanking.Audit.Tests.BoundedMetrics;

/// <summary>
/// The metrics calculator as it was before the session horizon (2026-12-08), kept verbatim as the oracle the
/// bounded fold must equal on logs where no session has a gap longer than the horizon.
/// Computes <see cref="RankingMetrics"/> from a stream of audit entries in one pass, keeping only
/// per-position, per-snippet and per-session tallies (and the latencies, for percentiles), so
/// the cmdlet and any report built on the same files agree to the last digit.
/// </summary>
internal sealed class ReferenceMetricsCalculator
{
    public const int TopSnippetCount = RankingMetricsCalculator.TopSnippetCount;

    private readonly RankingMetricsFilter _filter;
    private readonly List<long> _latencies = [];
    private readonly Dictionary<int, long> _positionClicks = [];
    private readonly Dictionary<string, long> _snippetClicks = new(StringComparer.Ordinal);
    private readonly RankingsInForce<ReferenceShowing> _showings = new();
    private readonly List<AuditEntry> _clickEntries = [];
    private readonly ReferenceImportedSearches _imported = new();
    private readonly UnansweredSendings _sending = new();
    private int _succeeded, _failed, _cancelled, _unchanged, _notSent;
    private long _clicks;
    private DateTimeOffset? _firstEntry, _lastEntry;

    public ReferenceMetricsCalculator(RankingMetricsFilter? filter = null) => _filter = filter ?? new RankingMetricsFilter();

    public static RankingMetrics Calculate(IEnumerable<AuditEntry> entries, RankingMetricsFilter? filter = null)
    {
        var calculator = new ReferenceMetricsCalculator(filter);
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
        var snippets = new Dictionary<string, long[]>(StringComparer.Ordinal);   // snippet id -> [impressions, clicked]
        var positions = new Dictionary<int, long[]>();                            // position -> [impressions, clicked]
        long impressions = 0, clicked = 0, withoutRanking = 0, notShown = 0, reciprocalRanks = 0;
        double reciprocalSum = 0;
        foreach (var (_, showing) in _showings.Showings()) showing.Clear();
        foreach (var click in _clickEntries)
        {
            if (_showings.InForceAt(click.SessionId!, click.Timestamp) is { } showing) showing.Add(click);
            else withoutRanking++;
        }
        foreach (var (_, showing) in _showings.Showings())
        {
            impressions += showing.Length;
            clicked += showing.ClickedImpressions;
            notShown += showing.NotShown;
            for (var p = 1; p <= showing.Length; p++) Tally(positions, p)[0]++;
            foreach (var snippet in showing.Snippets ?? []) Tally(snippets, snippet)[0]++;
            foreach (var p in showing.ClickedPositions) Tally(positions, p)[1]++;
            foreach (var snippet in showing.ClickedSnippets) Tally(snippets, snippet)[1]++;
            if (showing.Imported && showing.Length == 0) continue;   // a search that showed nothing has no rank to reciprocate
            reciprocalRanks++;
            if (showing.FirstPosition is { } first) reciprocalSum += 1.0 / first;
        }
        foreach (var position in _positionClicks.Keys) Tally(positions, position);
        return new RankingMetrics
        {
            Since = _filter.Since,
            Until = _filter.Until,
            FirstEntry = _firstEntry,
            LastEntry = _lastEntry,
            Succeeded = _succeeded,
            Failed = _failed,
            Cancelled = _cancelled,
            NotSent = _notSent,
            OutcomeUnknown = _sending.Count,
            Unchanged = _unchanged,
            // Summed as doubles: a damaged or hand-edited line may hold a huge latency.
            AverageLatencyMs = latencies.Count == 0 ? null : latencies.Average(l => (double)l),
            P50LatencyMs = NearestRank.Percentile(latencies, 50),
            P95LatencyMs = NearestRank.Percentile(latencies, 95),
            P99LatencyMs = NearestRank.Percentile(latencies, 99),
            Impressions = impressions,
            Clicks = _clicks,
            ClickedImpressions = clicked,
            ClicksWithoutRanking = withoutRanking,
            ClicksNotShown = notShown,
            ClickThroughRateByPosition = positions.OrderBy(p => p.Key)
                .Select(p => new PositionClickThrough(p.Key, p.Value[0], Found(_positionClicks, p.Key), p.Value[1])).ToList(),
            MeanReciprocalRank = reciprocalRanks == 0 ? 0.0 : reciprocalSum / reciprocalRanks,
            TopSnippets = _snippetClicks
                .OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)
                .Take(TopSnippetCount)
                .Select(s => new SnippetClickSummary(s.Key, _imported.ImpressionsKnown(s.Key) ? Tally(snippets, s.Key)[0] : null, s.Value,
                    Tally(snippets, s.Key)[1])).ToList(),
            ImportedSearches = _imported.Searches,
        };
    }

    private void AddRanking(AuditEntry entry)
    {
        // A ranking never sent has no latency worth a percentile: its 0 ms would pull p50 down.
        if (entry.LatencyMs is { } latency && !SubmissionNotSent.Is(entry)) _latencies.Add(latency);
        if (entry.Event != AuditEvent.RankingSubmitted)
        {
            if (SubmissionNotSent.Is(entry)) _notSent++;
            else _failed++;
            if (entry.Event == AuditEvent.RankingCancelled) _cancelled++;
            return;
        }
        _succeeded++;
        var shown = entry.Snippets ?? [];
        if (entry.SessionId is { } session)
            _showings.Add(session, entry.Timestamp, RankingsInForce<ReferenceShowing>.KeyOf(entry), new ReferenceShowing(shown, shown.Count));
    }

    // An imported Expert search is a ranking shown whose pages are unknown; it is never a re-send of another.
    private void AddImportedSearch(AuditEntry entry)
    {
        var shownCount = _imported.AddSearch(entry);
        if (entry.SessionId is { } session) _showings.Add(session, entry.Timestamp, null, new ReferenceShowing(null, shownCount));
    }

    private void AddClick(AuditEntry entry)
    {
        _clicks++;
        if (entry.SessionId is not null) _clickEntries.Add(entry);
        if (entry.SnippetId is { } snippet) _snippetClicks[snippet] = Found(_snippetClicks, snippet) + 1;
        _imported.AddClick(entry);
        if (entry.RankPosition is >= 1 and var position) _positionClicks[position] = Found(_positionClicks, position) + 1;
    }

    private static long Found<TKey>(Dictionary<TKey, long> counts, TKey key) where TKey : notnull =>
        counts.TryGetValue(key, out var n) ? n : 0;

    private static long[] Tally<TKey>(Dictionary<TKey, long[]> tallies, TKey key) where TKey : notnull
    {
        if (!tallies.TryGetValue(key, out var tally)) tallies[key] = tally = new long[2];
        return tally;
    }
}
