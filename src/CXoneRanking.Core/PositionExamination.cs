using System.Globalization;

namespace CXoneRanking;

/// <summary>
/// How likely an agent is to look at a rank position at all, as the click model estimates it,
/// relative to position 1 (which counts as 1.0), beside the raw click-through there. When the log
/// cannot tell, <see cref="Examination"/> is null and <see cref="Note"/> says why.
/// </summary>
public sealed class PositionExamination
{
    internal PositionExamination(int position, long impressions, long clicks, double? examination, string? note = null)
    {
        Position = position;
        Impressions = impressions;
        Clicks = clicks;
        Examination = examination;
        Note = note;
    }

    /// <summary>1-based rank position.</summary>
    public int Position { get; }

    /// <summary>Snippets shown at this position.</summary>
    public long Impressions { get; }

    /// <summary>Clicks counted on those impressions.</summary>
    public long Clicks { get; }

    /// <summary><see cref="Clicks"/> / <see cref="Impressions"/>: the raw rate, which mixes position and snippet quality.</summary>
    public double ClickThroughRate => RankingMetrics.Ratio(Clicks, Impressions);

    /// <summary>
    /// The estimated chance a snippet here is looked at, relative to position 1 (or to the position
    /// <see cref="Note"/> names), in [0, 1]; null when the evidence is too thin.
    /// </summary>
    public double? Examination { get; }

    /// <summary>Why <see cref="Examination"/> is null, or what it is relative to when not position 1; null otherwise.</summary>
    public string? Note { get; }

    public override string ToString() => Examination is { } e
        ? string.Format(CultureInfo.CurrentCulture, "#{0} {1:0.00}", Position, e)
        : string.Format(CultureInfo.CurrentCulture, "#{0} –", Position);
}
