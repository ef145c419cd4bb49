using System.Globalization;

namespace CXoneRanking;

/// <summary>One snippet's clicks against the times it was shown.</summary>
public sealed class SnippetClickSummary
{
    internal SnippetClickSummary(string snippetId, long? impressions, long clicks)
    {
        SnippetId = snippetId;
        Impressions = impressions;
        Clicks = clicks;
    }

    public string SnippetId { get; }

    /// <summary>How many successful rankings showed the snippet; null (unknown) when it was clicked in an imported Expert search.</summary>
    public long? Impressions { get; }

    public long Clicks { get; }

    /// <summary><see cref="Clicks"/> / <see cref="Impressions"/>, or 0 without impressions; null when the impressions are unknown.</summary>
    public double? Rate => Impressions is { } shown ? RankingMetrics.Ratio(Clicks, shown) : null;

    public override string ToString() =>
        string.Format(CultureInfo.CurrentCulture, "{0} {1}/{2} ({3})", SnippetId, Clicks,
            Impressions?.ToString(CultureInfo.CurrentCulture) ?? "unknown", Rate?.ToString("0.0%", CultureInfo.CurrentCulture) ?? "unknown");
}
