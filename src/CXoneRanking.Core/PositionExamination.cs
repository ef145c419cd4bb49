using System.Globalization;

namespace CXoneRanking;

/// <summary>
/// How likely an agent is to look at a rank position at all, as the click model estimates it,
/// relative to position 1 (which counts as 1.0), beside the raw click-through there.
/// </summary>
public sealed class PositionExamination
{
    internal PositionExamination(int position, long impressions, long clicks, double examination)
    {
        Position = position;
        Impressions = impressions;
        Clicks = clicks;
        Examination = examination;
    }

    /// <summary>1-based rank position.</summary>
    public int Position { get; }

    /// <summary>Snippets shown at this position.</summary>
    public long Impressions { get; }

    /// <summary>Clicks counted on those impressions.</summary>
    public long Clicks { get; }

    /// <summary><see cref="Clicks"/> / <see cref="Impressions"/>: the raw rate, which mixes position and snippet quality.</summary>
    public double ClickThroughRate => RankingMetrics.Ratio(Clicks, Impressions);

    /// <summary>The estimated chance a snippet here is looked at, relative to position 1.</summary>
    public double Examination { get; }

    public override string ToString() =>
        string.Format(CultureInfo.CurrentCulture, "#{0} {1:0.00}", Position, Examination);
}
