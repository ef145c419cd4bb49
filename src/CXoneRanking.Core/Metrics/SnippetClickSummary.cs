using System.Globalization;

namespace CXoneRanking;

/// <summary>One snippet's clicks against the times it was shown.</summary>
public sealed class SnippetClickSummary
{
    internal SnippetClickSummary(string snippetId, long? impressions, long clicks, long clickedImpressions)
    {
        SnippetId = snippetId;
        Impressions = impressions;
        Clicks = clicks;
        ClickedImpressions = impressions is null ? null : clickedImpressions;
    }

    public string SnippetId { get; }

    /// <summary>How many successful rankings showed the snippet; null (unknown) when it was clicked in an imported Expert search.</summary>
    public long? Impressions { get; }

    /// <summary>Every click on the snippet, repeated ones and ones without a ranking included.</summary>
    public long Clicks { get; }

    /// <summary>How many of the <see cref="Impressions"/> were clicked at least once; null when the impressions are unknown.</summary>
    public long? ClickedImpressions { get; }

    /// <summary><see cref="ClickedImpressions"/> / <see cref="Impressions"/>, in [0, 1], 0 without impressions; null when unknown.</summary>
    public double? ClickThroughRate => Impressions is { } shown ? RankingMetrics.Ratio(ClickedImpressions ?? 0, shown) : null;

    /// <summary>The former name of <see cref="ClickThroughRate"/>, kept for one release.</summary>
    [Obsolete("Use ClickThroughRate; Rate will be removed in the next release.")]
    public double? Rate => ClickThroughRate;

    /// <summary>
    /// "KB-1 1/4 clicked (25.0%), 2 clicks": clicked impressions over impressions, then every click (which may be more,
    /// or come from sessions without a ranking); a dash for a rate without impressions, and for an imported search
    /// "impressions unknown (imported search)" instead of a figure.
    /// </summary>
    public override string ToString() => Impressions is not { } shown
        ? string.Format(CultureInfo.CurrentCulture, "{0} {1} click(s), impressions unknown (imported search)", SnippetId, Clicks)
        : string.Format(CultureInfo.CurrentCulture, "{0} {1}/{2} clicked ({3}), {4} click(s)", SnippetId, ClickedImpressions ?? 0, shown,
            shown == 0 ? "–" : ClickThroughRate!.Value.ToString("0.0%", CultureInfo.CurrentCulture), Clicks);
}
