using System.Globalization;

namespace CXoneRanking;

/// <summary>Click-through at one rank position: the impressions there that were clicked, over the rankings that showed a snippet there.</summary>
public sealed class PositionClickThrough
{
    internal PositionClickThrough(int position, long impressions, long clicks, long clickedImpressions)
    {
        Position = position;
        Impressions = impressions;
        Clicks = clicks;
        ClickedImpressions = clickedImpressions;
    }

    /// <summary>1-based rank position.</summary>
    public int Position { get; }

    /// <summary>How many successful rankings held at least <see cref="Position"/> snippets.</summary>
    public long Impressions { get; }

    /// <summary>How many clicks were on a snippet shown at <see cref="Position"/> (every click, repeated ones included).</summary>
    public long Clicks { get; }

    /// <summary>How many of the <see cref="Impressions"/> were clicked at least once (docs/audit-log.md#metrics).</summary>
    public long ClickedImpressions { get; }

    /// <summary><see cref="ClickedImpressions"/> / <see cref="Impressions"/>, in [0, 1]; 0 without impressions.</summary>
    public double ClickThroughRate => RankingMetrics.Ratio(ClickedImpressions, Impressions);

    /// <summary>The former name of <see cref="ClickThroughRate"/>, kept for one release.</summary>
    [Obsolete("Use ClickThroughRate; Rate will be removed in the next release.")]
    public double Rate => ClickThroughRate;

    /// <summary>"#1 25.0% (1/4)"; a dash instead of a rate where nothing was shown: no impressions means no rate.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.CurrentCulture, "#{0} {1} ({2}/{3})", Position,
            Impressions == 0 ? "–" : ClickThroughRate.ToString("0.0%", CultureInfo.CurrentCulture), ClickedImpressions, Impressions);
}
