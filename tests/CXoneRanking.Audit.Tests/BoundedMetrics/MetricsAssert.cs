using CXoneRanking.Metrics;

namespace CXoneRanking.Audit.Tests.BoundedMetrics;

/// <summary>Every figure of two metrics, compared exactly (the mean reciprocal rank to 1e-12: its sum is kept per position).</summary>
internal static class MetricsAssert
{
    public static void Same(RankingMetrics expected, RankingMetrics actual)
    {
        Assert.Equal(Scalars(expected), Scalars(actual));
        Assert.Equal(expected.MeanReciprocalRank, actual.MeanReciprocalRank, 1e-12);
        Assert.Equal(Positions(expected), Positions(actual));
        Assert.Equal(Top(expected), Top(actual));
        Assert.Equal(expected.Note, actual.Note);
    }

    private static object[] Scalars(RankingMetrics m) =>
    [
        m.Since!, m.Until!, m.FirstEntry!, m.LastEntry!, m.Submissions, m.Succeeded, m.Failed, m.NotSent, m.Cancelled,
        m.OutcomeUnknown, m.Unchanged, m.AverageLatencyMs!, m.P50LatencyMs!, m.P95LatencyMs!, m.P99LatencyMs!,
        m.ImportedSearches, m.Impressions, m.Clicks, m.ClickedImpressions, m.ClicksWithoutRanking, m.ClicksNotShown,
        m.ClickThroughRate,
    ];

    private static List<(int, long, long, long)> Positions(RankingMetrics m) =>
        m.ClickThroughRateByPosition.Select(p => (p.Position, p.Impressions, p.Clicks, p.ClickedImpressions)).ToList();

    private static List<(string, long?, long, long?)> Top(RankingMetrics m) =>
        m.TopSnippets.Select(s => (s.SnippetId, s.Impressions, s.Clicks, s.ClickedImpressions)).ToList();
}
