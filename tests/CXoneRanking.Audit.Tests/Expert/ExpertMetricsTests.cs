using CXoneRanking.Expert;
using CXoneRanking.Learning;
using CXoneRanking.Metrics;

namespace CXoneRanking.Audit.Tests.Expert;

/// <summary>
/// Metrics and learning over imported Expert searches (docs/expert.md#impressions): a search counts
/// as a ranking shown, per-snippet impressions are unknown rather than zero, and the click model
/// leaves imported searches out. Every figure is worked out by hand in the comments.
/// </summary>
public class ExpertMetricsTests
{
    // Search 1 showed 3 (click at 2), search 2 showed 10 of 40 (clicks at 1 and 4), search 3 showed 0,
    // search 4 showed 2 (no click), search 5 showed 1 (an untracked click).
    private static readonly ExpertLoggedQuery[] Log =
    [
        ExpertLogs.Query(1, 3, (102, 2, 0.8)),
        ExpertLogs.Query(2, 40, (101, 1, 0.9), (104, 4, 0.5)),
        ExpertLogs.Query(3, 0),
        ExpertLogs.Query(4, 2),
        ExpertLogs.Query(5, 1, (101, 0, 0.9)),
    ];

    private static RankingMetrics Metrics(TempDirectory dir, params AuditEntry[] more)
    {
        ExpertLogs.Import(dir.Path, Log);
        if (more.Length > 0) new AuditLogWriter(dir.Path).Append(more);
        return RankingMetricsCalculator.Calculate(ExpertLogs.Read(dir.Path));
    }

    [Fact]
    public void Imported_searches_count_as_rankings_shown_but_not_as_submissions()
    {
        using var dir = new TempDirectory();

        var m = Metrics(dir);

        Assert.Equal((0, 0, 0, 5), (m.Submissions, m.Succeeded, m.Failed, m.ImportedSearches));
        Assert.Equal(3 + 10 + 0 + 2 + 1, m.Impressions);
        Assert.Equal(4, m.Clicks);
        Assert.Equal(4.0 / 16, m.ClickThroughRate, 12);
        Assert.NotNull(m.Note);
    }

    [Fact]
    public void Impressions_at_position_k_are_the_searches_that_showed_at_least_k_results()
    {
        using var dir = new TempDirectory();

        var m = Metrics(dir);

        // Shown: 3, 10, 0, 2, 1. Position 1: 4 searches; 2: 3; 3: 2; 4..10: 1. The untracked click has no position.
        var expected = new List<(int, long, long)> { (1, 4, 1), (2, 3, 1), (3, 2, 0), (4, 1, 1) };
        expected.AddRange(Enumerable.Range(5, 6).Select(k => (k, 1L, 0L)));
        Assert.Equal(expected, m.ClickThroughRateByPosition.Select(p => (p.Position, p.Impressions, p.Clicks)));
    }

    [Fact]
    public void Mean_reciprocal_rank_is_over_searches_that_showed_results()
    {
        using var dir = new TempDirectory();

        var m = Metrics(dir);

        // Searches 1, 2, 4, 5 showed results: 1/2 + 1/1 + 0 + 0 (the untracked click has no rank), over 4.
        Assert.Equal(1.5 / 4, m.MeanReciprocalRank, 12);
    }

    [Fact]
    public void A_snippet_clicked_in_an_imported_search_has_unknown_impressions_never_zero()
    {
        using var dir = new TempDirectory();
        var submitted = Entries.Submitted("s-1", 100, ExpertLogs.T0.AddDays(1), "KB-1", "102");
        var click = Entries.Click("s-1", "KB-1", 1, ExpertLogs.T0.AddDays(1).AddSeconds(5));

        var m = Metrics(dir, submitted, click);

        Assert.Equal(new (string, long?, long)[] { ("101", null, 2), ("102", null, 1), ("104", null, 1), ("KB-1", 1, 1) },
            m.TopSnippets.Select(s => (s.SnippetId, s.Impressions, s.Clicks)));
        Assert.Null(m.TopSnippets[0].ClickThroughRate);
        Assert.Contains("unknown", m.TopSnippets[0].ToString(), StringComparison.Ordinal);
        Assert.Equal(1.0, m.TopSnippets[3].ClickThroughRate);
    }

    [Fact]
    public void A_log_without_imported_searches_has_no_note()
    {
        var m = RankingMetricsCalculator.Calculate([Entries.Submitted("s-1", 100, null, "A")]);

        Assert.Equal(0, m.ImportedSearches);
        Assert.Null(m.Note);
    }

    [Fact]
    public void The_click_model_leaves_imported_searches_and_their_clicks_out_and_counts_them()
    {
        using var dir = new TempDirectory();
        ExpertLogs.Import(dir.Path, Log);
        new AuditLogWriter(dir.Path).Append([Entries.Submitted("s-1", 100, ExpertLogs.T0, "KB-1"), Entries.Click("s-1", "KB-1", 1)]);

        var observations = ClickLogObservations.Collect(ExpertLogs.Read(dir.Path));

        Assert.Equal((1L, 1L, 1L), (observations.Submissions, observations.Impressions, observations.Clicks));
        // The untracked click (no position) is not one the model could ever use, so it is not among the three.
        Assert.Equal((5L, 3L, 0L), (observations.ImportedSearches, observations.ImportedSearchClicks, observations.ClicksWithoutRanking));
    }
}
