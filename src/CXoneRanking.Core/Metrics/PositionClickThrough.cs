using System.Globalization;

namespace CXoneRanking;

/// <summary>Click-through at one rank position: clicks there over the rankings that showed a snippet there.</summary>
public sealed class PositionClickThrough
{
    internal PositionClickThrough(int position, long impressions, long clicks)
    {
        Position = position;
        Impressions = impressions;
        Clicks = clicks;
    }

    /// <summary>1-based rank position.</summary>
    public int Position { get; }

    /// <summary>How many successful rankings held at least <see cref="Position"/> snippets.</summary>
    public long Impressions { get; }

    /// <summary>How many clicks were on a snippet shown at <see cref="Position"/>.</summary>
    public long Clicks { get; }

    /// <summary><see cref="Clicks"/> / <see cref="Impressions"/>, or 0 without impressions.</summary>
    public double Rate => RankingMetrics.Ratio(Clicks, Impressions);

    public override string ToString() =>
        string.Format(CultureInfo.CurrentCulture, "#{0} {1:0.0%} ({2}/{3})", Position, Rate, Clicks, Impressions);
}
