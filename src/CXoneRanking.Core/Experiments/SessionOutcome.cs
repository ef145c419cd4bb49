namespace CXoneRanking.Experiments;

/// <summary>
/// One session of an experiment: the unit of randomisation, so the unit of analysis. Its
/// impressions and clicks are summed before any statistic is taken, which is what keeps clicks
/// of one session from counting as independent trials.
/// </summary>
public readonly struct SessionOutcome(long impressions, long clicks, int? firstClickPosition, long? clickedImpressions = null)
{
    /// <summary>Snippets shown by the session's successful rankings in the experiment.</summary>
    public long Impressions { get; } = impressions;

    /// <summary>Clicks recorded for the session (every click, repeated ones included).</summary>
    public long Clicks { get; } = clicks;

    /// <summary>
    /// Impressions clicked at least once (docs/audit-log.md#metrics), at most <see cref="Impressions"/>;
    /// without a figure given, every click is taken to be on its own impression (min(clicks, impressions)).
    /// </summary>
    public long ClickedImpressions { get; } = Math.Max(0, Math.Min(clickedImpressions ?? clicks, impressions));

    /// <summary>The 1-based position of the session's earliest click; null without a click.</summary>
    public int? FirstClickPosition { get; } = firstClickPosition;

    /// <summary>1 / the first click's position, 0 without a click (docs/audit-log.md#metrics).</summary>
    public double ReciprocalRank => FirstClickPosition is >= 1 and var position ? 1.0 / position : 0.0;
}
