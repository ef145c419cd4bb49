namespace CXoneRanking.Metrics;

/// <summary>
/// The additive part of <see cref="RankingMetrics"/>: counts and tallies that two runs of entries (two days, or the
/// sessions closed so far and those still open) simply add up to, so a day's figures can be kept in its summary and
/// merged with the next day's to the last digit. What is not additive (the sessions still open, the write-ahead
/// entries without their outcome) lives in <see cref="RankingMetricsCalculator"/> and its checkpoint.
/// </summary>
internal sealed class MetricsTally
{
    public long Succeeded, Failed, Cancelled, Unchanged, NotSent, Clicks, ImportedSearches;
    public long Impressions, ClickedImpressions, ClicksWithoutRanking, ClicksNotShown, ReciprocalRanks;
    public DateTimeOffset? FirstEntry, LastEntry;

    public LatencyHistogram Latencies { get; } = new();

    /// <summary>Clicks per rank position given on the click (every click, matched or not).</summary>
    public Dictionary<int, long> PositionClicks { get; } = [];

    /// <summary>Clicks per snippet id (every click).</summary>
    public Dictionary<string, long> SnippetClicks { get; } = new(StringComparer.Ordinal);

    /// <summary>Per position of the distinct showings: [impressions, clicked impressions].</summary>
    public Dictionary<int, long[]> Positions { get; } = [];

    /// <summary>Per snippet of the distinct showings: [impressions, clicked impressions].</summary>
    public Dictionary<string, long[]> Snippets { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// How many showings had their first click at each position: the mean reciprocal rank is their sum of 1/position,
    /// added up in position order, so it is the same however the showings were split between days.
    /// </summary>
    public Dictionary<int, long> FirstClickPositions { get; } = [];

    /// <summary>Snippets clicked in an imported Expert search: their impressions are unknown.</summary>
    public HashSet<string> UnknownImpressions { get; } = new(StringComparer.Ordinal);

    public void Seen(DateTimeOffset at)
    {
        if (FirstEntry is not { } first || at < first) FirstEntry = at;
        if (LastEntry is not { } last || at > last) LastEntry = at;
    }

    public void Merge(MetricsTally other)
    {
        Succeeded += other.Succeeded;
        Failed += other.Failed;
        Cancelled += other.Cancelled;
        Unchanged += other.Unchanged;
        NotSent += other.NotSent;
        Clicks += other.Clicks;
        ImportedSearches += other.ImportedSearches;
        Impressions += other.Impressions;
        ClickedImpressions += other.ClickedImpressions;
        ClicksWithoutRanking += other.ClicksWithoutRanking;
        ClicksNotShown += other.ClicksNotShown;
        ReciprocalRanks += other.ReciprocalRanks;
        if (other.FirstEntry is { } first) Seen(first);
        if (other.LastEntry is { } last) Seen(last);
        Latencies.Merge(other.Latencies);
        foreach (var pair in other.PositionClicks) Add(PositionClicks, pair.Key, pair.Value);
        foreach (var pair in other.SnippetClicks) Add(SnippetClicks, pair.Key, pair.Value);
        foreach (var pair in other.FirstClickPositions) Add(FirstClickPositions, pair.Key, pair.Value);
        foreach (var pair in other.Positions) AddPair(Positions, pair.Key, pair.Value);
        foreach (var pair in other.Snippets) AddPair(Snippets, pair.Key, pair.Value);
        UnknownImpressions.UnionWith(other.UnknownImpressions);
    }

    /// <summary>The metrics these figures make, with the write-ahead entries still without outcome.</summary>
    public RankingMetrics ToMetrics(RankingMetricsFilter filter, int outcomeUnknown)
    {
        var reciprocalSum = 0.0;
        foreach (var pair in FirstClickPositions.OrderBy(p => p.Key)) reciprocalSum += pair.Value / (double)pair.Key;
        var positions = new Dictionary<int, long[]>(Positions);
        foreach (var position in PositionClicks.Keys) Pair(positions, position);
        return new RankingMetrics
        {
            Since = filter.Since,
            Until = filter.Until,
            FirstEntry = FirstEntry,
            LastEntry = LastEntry,
            Succeeded = (int)Succeeded,
            Failed = (int)Failed,
            Cancelled = (int)Cancelled,
            NotSent = (int)NotSent,
            OutcomeUnknown = outcomeUnknown,
            Unchanged = (int)Unchanged,
            AverageLatencyMs = Latencies.Mean(),
            P50LatencyMs = Latencies.Percentile(50),
            P95LatencyMs = Latencies.Percentile(95),
            P99LatencyMs = Latencies.Percentile(99),
            Impressions = Impressions,
            Clicks = Clicks,
            ClickedImpressions = ClickedImpressions,
            ClicksWithoutRanking = ClicksWithoutRanking,
            ClicksNotShown = ClicksNotShown,
            ClickThroughRateByPosition = positions.OrderBy(p => p.Key)
                .Select(p => new PositionClickThrough(p.Key, p.Value[0], Found(PositionClicks, p.Key), p.Value[1])).ToList(),
            MeanReciprocalRank = ReciprocalRanks == 0 ? 0.0 : reciprocalSum / ReciprocalRanks,
            TopSnippets = SnippetClicks
                .OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)
                .Take(RankingMetricsCalculator.TopSnippetCount)
                .Select(s => Top(s.Key, s.Value)).ToList(),
            ImportedSearches = (int)ImportedSearches,
        };
    }

    private SnippetClickSummary Top(string snippet, long clicks)
    {
        var tally = Snippets.TryGetValue(snippet, out var found) ? found : new long[2];
        return new SnippetClickSummary(snippet, UnknownImpressions.Contains(snippet) ? null : tally[0], clicks, tally[1]);
    }

    private static long Found<TKey>(Dictionary<TKey, long> counts, TKey key) where TKey : notnull =>
        counts.TryGetValue(key, out var n) ? n : 0;

    public static void Add<TKey>(Dictionary<TKey, long> counts, TKey key, long n = 1) where TKey : notnull =>
        counts[key] = counts.TryGetValue(key, out var had) ? had + n : n;

    /// <summary>The [impressions, clicked] pair of <paramref name="key"/>, made when missing.</summary>
    public static long[] Pair<TKey>(Dictionary<TKey, long[]> tallies, TKey key) where TKey : notnull
    {
        if (!tallies.TryGetValue(key, out var tally)) tallies[key] = tally = new long[2];
        return tally;
    }

    private static void AddPair<TKey>(Dictionary<TKey, long[]> tallies, TKey key, long[] value) where TKey : notnull
    {
        var tally = Pair(tallies, key);
        tally[0] += value[0];
        tally[1] += value[1];
    }
}
