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

    public override string ToString() =>
        string.Format(CultureInfo.CurrentCulture, "{0} {1}/{2} ({3})", SnippetId, ClickedImpressions?.ToString(CultureInfo.CurrentCulture) ?? "?",
            Impressions?.ToString(CultureInfo.CurrentCulture) ?? "unknown",
            ClickThroughRate?.ToString("0.0%", CultureInfo.CurrentCulture) ?? "unknown");
}
