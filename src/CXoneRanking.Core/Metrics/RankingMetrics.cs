namespace CXoneRanking;

/// <summary>
/// Submission outcomes, latency and click-through over an audit log, as Get-RankingMetrics
/// reports them. docs/audit-log.md defines each figure.
/// </summary>
public sealed class RankingMetrics
{
    /// <summary>The filter's lower bound (inclusive), if any.</summary>
    public DateTimeOffset? Since { get; internal set; }

    /// <summary>The filter's upper bound (exclusive), if any.</summary>
    public DateTimeOffset? Until { get; internal set; }

    /// <summary>The earliest and latest timestamps among the entries counted.</summary>
    public DateTimeOffset? FirstEntry { get; internal set; }

    public DateTimeOffset? LastEntry { get; internal set; }

    /// <summary>
    /// Sessions submitted: <see cref="Succeeded"/> + <see cref="Failed"/> + <see cref="OutcomeUnknown"/>
    /// (a write-ahead entry and its outcome count once).
    /// </summary>
    public int Submissions => Succeeded + Failed + OutcomeUnknown;

    /// <summary>ranking.submitted entries.</summary>
    public int Succeeded { get; internal set; }

    /// <summary>Submissions that did not succeed: ranking.failed and ranking.cancelled entries of rankings that were sent.</summary>
    public int Failed { get; internal set; }

    /// <summary>
    /// Rankings never sent (ranking.failed entries with status InvalidRanking or AuditUnavailable: invalid or held back,
    /// or the audit log could not record them). Not submissions: counted apart from <see cref="Failed"/>.
    /// </summary>
    public int NotSent { get; internal set; }

    /// <summary>The part of <see cref="Failed"/> that was cancelled (ranking.cancelled).</summary>
    public int Cancelled { get; internal set; }

    /// <summary>
    /// Sessions whose ranking.sending (write-ahead) entry has no outcome entry: they may or may not
    /// have been applied (the run died, or the audit log failed, after they were sent). Neither a
    /// success nor a failure.
    /// </summary>
    public int OutcomeUnknown { get; internal set; }

    /// <summary>
    /// Sessions Submit-SnippetRanking -SkipUnchanged did not send because the ranking was the one
    /// last applied (ranking.unchanged entries). Not submissions: neither sent nor failed.
    /// </summary>
    public int Unchanged { get; internal set; }

    /// <summary>Mean latency of every ranking entry that has one; null when none has.</summary>
    public double? AverageLatencyMs { get; internal set; }

    /// <summary>Nearest-rank percentiles of the same latencies.</summary>
    public double? P50LatencyMs { get; internal set; }

    public double? P95LatencyMs { get; internal set; }

    public double? P99LatencyMs { get; internal set; }

    /// <summary>
    /// expert.search entries: Expert searches imported from a site's search log. Each counts as a ranking
    /// shown (in impressions, by position and in mean reciprocal rank), not as a submission.
    /// </summary>
    public int ImportedSearches { get; internal set; }

    /// <summary>Why some figures are partial, when they are; null otherwise.</summary>
    public string? Note => ImportedSearches == 0 ? null
        : $"{ImportedSearches} imported Expert search(es) count as rankings shown; which pages they showed is unknown, "
          + "so a snippet clicked in one has no impression count (Impressions is empty).";

    /// <summary>
    /// Snippets shown: the sum of the lengths of the distinct rankings in force (a re-send of the ranking in force,
    /// same checksum and no other ranking in between, adds none).
    /// </summary>
    public long Impressions { get; internal set; }

    /// <summary>click entries: every click, repeated ones, ones not shown and ones without a ranking included.</summary>
    public long Clicks { get; internal set; }

    /// <summary>
    /// Impressions clicked at least once: per session, a snippet shown k times and clicked j times counts
    /// min(j, k) (matched by position in imported Expert searches). Never more than <see cref="Impressions"/>.
    /// </summary>
    public long ClickedImpressions { get; internal set; }

    /// <summary>
    /// Clicks made before any successful ranking (or imported search) of their session in the range: recorded, counted in
    /// <see cref="Clicks"/>, but with no impression to count on, so they do not raise any rate.
    /// </summary>
    public long ClicksWithoutRanking { get; internal set; }

    /// <summary>
    /// Clicks on a snippet the ranking in force never showed, or at a position past its end: recorded, counted in
    /// <see cref="Clicks"/>, in no rate (docs/audit-log.md#metrics).
    /// </summary>
    public long ClicksNotShown { get; internal set; }

    /// <summary><see cref="ClickedImpressions"/> / <see cref="Impressions"/>, in [0, 1]; 0 without impressions.</summary>
    public double ClickThroughRate => Ratio(ClickedImpressions, Impressions);

    /// <summary>Click-through per rank position, position 1 first; only positions with impressions or clicks are listed.</summary>
    public IReadOnlyList<PositionClickThrough> ClickThroughRateByPosition { get; internal set; } = [];

    /// <summary>
    /// Mean over the distinct rankings shown (and imported searches that showed results) of 1 / the position of
    /// the first click made while each was in force (0 without a click).
    /// </summary>
    public double MeanReciprocalRank { get; internal set; }

    /// <summary>The ten most-clicked snippets, ties by snippet id (ordinal).</summary>
    public IReadOnlyList<SnippetClickSummary> TopSnippets { get; internal set; } = [];

    internal static double Ratio(long part, long whole) => whole == 0 ? 0.0 : (double)part / whole;
}
