using CXoneRanking.Learning;
using CXoneRanking.Metrics;

namespace CXoneRanking.Audit.Tests.Learning;

/// <summary>How clicks are attached to the impressions they were made on.</summary>
public sealed class ClickLogObservationsTests
{
    private static readonly DateTimeOffset T = Entries.T0;

    private static ClickLogObservations Collect(params AuditEntry[] entries) => ClickLogObservations.Collect(entries);

    [Fact]
    public void Counts_each_ranked_id_as_an_impression_and_a_matching_click_on_it()
    {
        var o = Collect(
            Entries.Submitted("s-1", 10, T, "KB-1", "KB-2", "KB-3"),
            Entries.Click("s-1", "KB-2", 2, T.AddSeconds(5)));
        Assert.Equal((1, 3, 1), (o.Submissions, o.Impressions, o.Clicks));
    }

    [Fact]
    public void Ignores_failed_submissions()
    {
        var o = Collect(Entries.Failed("s-1", 10, at: T), Entries.Click("s-1", "KB-1", 1, T.AddSeconds(1)));
        Assert.Equal((0, 0, 0, 1), (o.Submissions, o.Impressions, o.Clicks, o.ClicksWithoutRanking));
    }

    [Fact]
    public void Attaches_a_click_to_the_latest_submission_at_or_before_it_even_when_written_later()
    {
        var o = Collect(
            Entries.Submitted("s-1", 10, T, "KB-1", "KB-2"),
            Entries.Submitted("s-1", 10, T.AddMinutes(1), "KB-2", "KB-1"),
            Entries.Click("s-1", "KB-1", 2, T.AddMinutes(2)),    // on the second ranking
            Entries.Click("s-1", "KB-1", 1, T.AddSeconds(30)),   // back-dated: on the first
            Entries.Click("s-1", "KB-1", 1, T.AddMinutes(3)));   // KB-1 is not first in the second ranking
        Assert.Equal((2L, 1L), (o.Clicks, o.ClicksNotShown));
    }

    [Fact]
    public void Uses_the_submission_at_the_very_instant_of_the_click()
    {
        var o = Collect(Entries.Submitted("s-1", 10, T, "KB-1"), Entries.Click("s-1", "KB-1", 1, T));
        Assert.Equal(1, o.Clicks);
    }

    [Fact]
    public void Leaves_out_clicks_without_an_earlier_submission_of_their_session()
    {
        var o = Collect(
            Entries.Click("s-1", "KB-1", 1, T),
            Entries.Submitted("s-1", 10, T.AddSeconds(1), "KB-1"),
            Entries.Click("s-2", "KB-1", 1, T.AddSeconds(2)));
        Assert.Equal((0L, 2L), (o.Clicks, o.ClicksWithoutRanking));
    }

    [Fact]
    public void Leaves_out_clicks_on_a_position_the_ranking_did_not_have_or_on_another_snippet()
    {
        var o = Collect(
            Entries.Submitted("s-1", 10, T, "KB-1", "KB-2"),
            Entries.Click("s-1", "KB-2", 3, T.AddSeconds(1)),
            Entries.Click("s-1", "KB-9", 1, T.AddSeconds(2)));
        Assert.Equal((0L, 2L), (o.Clicks, o.ClicksNotShown));
    }

    [Fact]
    public void Counts_one_click_per_impression()
    {
        var o = Collect(
            Entries.Submitted("s-1", 10, T, "KB-1"),
            Entries.Click("s-1", "KB-1", 1, T.AddSeconds(1)),
            Entries.Click("s-1", "KB-1", 1, T.AddSeconds(2)));
        Assert.Equal((1L, 1L), (o.Clicks, o.RepeatedClicks));
    }

    [Fact]
    public void Applies_the_time_filter_to_submissions_and_clicks_alike()
    {
        var filter = new RankingMetricsFilter { Since = T.AddMinutes(1), Until = T.AddMinutes(2) };
        var o = ClickLogObservations.Collect(
        [
            Entries.Submitted("s-1", 10, T, "KB-1"),
            Entries.Click("s-1", "KB-1", 1, T.AddMinutes(1)),
            Entries.Submitted("s-2", 10, T.AddMinutes(1), "KB-1"),
            Entries.Click("s-2", "KB-1", 1, T.AddMinutes(1).AddSeconds(1)),
            Entries.Click("s-2", "KB-1", 1, T.AddMinutes(3)),
        ], filter);
        Assert.Equal((1L, 1L, 1L, 1L), (o.Submissions, o.Impressions, o.Clicks, o.ClicksWithoutRanking));
    }
}
