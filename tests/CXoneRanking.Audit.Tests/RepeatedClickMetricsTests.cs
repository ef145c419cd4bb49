using CXoneRanking.Experiments;
using CXoneRanking.Metrics;

namespace CXoneRanking.Audit.Tests;

/// <summary>
/// docs/audit-log.md#metrics: an impression counts as clicked once, so no rate exceeds 100%, while
/// Clicks still counts every click; clicks on sessions never ranked are counted apart.
/// </summary>
public sealed class RepeatedClickMetricsTests
{
    private static readonly DateTimeOffset T0 = Entries.T0;

    [Fact]
    public void A_snippet_clicked_twice_in_one_showing_is_one_clicked_impression()
    {
        List<AuditEntry> log =
        [
            Entries.Submitted("s-1", 100, T0, "A", "B"),
            Entries.Click("s-1", "A", 1, T0.AddSeconds(1)),
            Entries.Click("s-1", "A", 1, T0.AddSeconds(2)),
        ];

        var m = RankingMetricsCalculator.Calculate(log);

        Assert.Equal((2L, 2L, 1L), (m.Impressions, m.Clicks, m.ClickedImpressions));
        Assert.Equal(0.5, m.ClickThroughRate, 12);
        var top = Assert.Single(m.TopSnippets);
        Assert.Equal(("A", 1L, 2L, 1L), (top.SnippetId, top.Impressions!.Value, top.Clicks, top.ClickedImpressions!.Value));
        Assert.Equal(1.0, top.ClickThroughRate);
        Assert.Equal("A 1/1 clicked (100.0%), 2 click(s)", top.ToString().Replace("100,0", "100.0", StringComparison.Ordinal));
        var first = m.ClickThroughRateByPosition[0];
        Assert.Equal((1L, 2L, 1L, 1.0), (first.Impressions, first.Clicks, first.ClickedImpressions, first.ClickThroughRate));
    }

    [Fact]
    public void A_session_sent_the_same_ranking_twice_has_one_impression_clicked_once()
    {
        // An agent sees one ranking at a time: a re-send of the ranking in force is the same showing (docs/audit-log.md#metrics).
        List<AuditEntry> log =
        [
            Entries.Submitted("s-1", 100, T0, "A"),
            Entries.Click("s-1", "A", 1, T0.AddSeconds(1)),
            Entries.Submitted("s-1", 100, T0.AddMinutes(1), "A"),
            Entries.Click("s-1", "A", 1, T0.AddMinutes(2)),
            Entries.Click("s-1", "A", 1, T0.AddMinutes(3)),
        ];

        var m = RankingMetricsCalculator.Calculate(log);

        Assert.Equal((1L, 3L, 1L, 1.0), (m.Impressions, m.Clicks, m.ClickedImpressions, m.ClickThroughRate));
    }

    [Fact]
    public void Clicks_on_a_session_never_ranked_are_counted_apart_and_raise_no_rate()
    {
        List<AuditEntry> log =
        [
            Entries.Submitted("s-1", 100, T0, "A", "B", "C", "D"),
            Entries.Click("elsewhere", "A", 1, T0.AddSeconds(1)),
            Entries.Click("elsewhere", "B", 2, T0.AddSeconds(2)),
        ];

        var m = RankingMetricsCalculator.Calculate(log);

        Assert.Equal((2L, 2L, 0L, 0.0), (m.Clicks, m.ClicksWithoutRanking, m.ClickedImpressions, m.ClickThroughRate));
        Assert.All(m.ClickThroughRateByPosition, p => Assert.Equal(0.0, p.ClickThroughRate));
    }

    [Fact]
    public void An_experiment_arm_counts_a_repeated_click_once()
    {
        List<AuditEntry> log = [];
        for (var i = 0; i < 2; i++)
        {
            var ranking = Entries.Submitted($"t-{i}", 100, T0, "A");
            (ranking.Experiment, ranking.Arm) = ("x", ExperimentArm.Treatment);
            log.Add(ranking);
            log.Add(Entries.Click($"t-{i}", "A", 1, T0.AddSeconds(1)));
            log.Add(Entries.Click($"t-{i}", "A", 1, T0.AddSeconds(2)));
        }

        var result = Assert.Single(RankingExperimentCalculator.Calculate(log));

        Assert.Equal((4L, 2L, 1.0), (result.Treatment.Clicks, result.Treatment.ClickedImpressions, result.Treatment.ClickThroughRate));
    }
}
