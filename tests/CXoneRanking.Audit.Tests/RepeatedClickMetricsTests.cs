using CsCheck;
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
        Assert.Equal("A 1/1 (100.0%)", top.ToString().Replace(",", ".", StringComparison.Ordinal));
        var first = m.ClickThroughRateByPosition[0];
        Assert.Equal((1L, 2L, 1L, 1.0), (first.Impressions, first.Clicks, first.ClickedImpressions, first.ClickThroughRate));
    }

    [Fact]
    public void A_session_ranked_twice_and_clicked_twice_has_two_clicked_impressions()
    {
        List<AuditEntry> log =
        [
            Entries.Submitted("s-1", 100, T0, "A"),
            Entries.Click("s-1", "A", 1, T0.AddSeconds(1)),
            Entries.Submitted("s-1", 100, T0.AddMinutes(1), "A"),
            Entries.Click("s-1", "A", 1, T0.AddMinutes(2)),
            Entries.Click("s-1", "A", 1, T0.AddMinutes(3)),
        ];

        var m = RankingMetricsCalculator.Calculate(log);

        Assert.Equal((2L, 3L, 2L, 1.0), (m.Impressions, m.Clicks, m.ClickedImpressions, m.ClickThroughRate));
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

    // Random logs: a few sessions, short rankings of a few snippets, and clicks that repeat, miss or come from unranked sessions.
    private static readonly Gen<List<AuditEntry>> Log =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 4].Array[0, 5], Gen.Int[0, 9]).Array[1, 30].Select(steps =>
        {
            var log = new List<AuditEntry>();
            var at = T0;
            foreach (var (session, snippets, click) in steps)
            {
                at = at.AddSeconds(1);
                if (click >= 5 && snippets.Length > 0)
                    log.Add(Entries.Submitted($"s-{session}", 10, at, snippets.Select(k => $"K{k}").ToArray()));
                else
                    log.Add(Entries.Click($"s-{session}", $"K{click % 5}", 1 + click % 3, at));
            }
            return log;
        });

    [Fact]
    public void Every_rate_is_between_0_and_1_for_any_log()
    {
        Log.Sample(log =>
        {
            var m = RankingMetricsCalculator.Calculate(log);
            Assert.InRange(m.ClickThroughRate, 0.0, 1.0);
            Assert.True(m.ClickedImpressions <= m.Clicks - m.ClicksWithoutRanking);
            Assert.All(m.ClickThroughRateByPosition, p => Assert.InRange(p.ClickThroughRate, 0.0, 1.0));
            Assert.All(m.TopSnippets, s => Assert.InRange(s.ClickThroughRate!.Value, 0.0, 1.0));
            foreach (var entry in log.Where(e => e.Event == AuditEvent.RankingSubmitted))
                (entry.Experiment, entry.Arm) = ("p", entry.SessionId!.EndsWith('1') ? ExperimentArm.Treatment : ExperimentArm.Control);
            foreach (var result in RankingExperimentCalculator.Calculate(log))
            {
                Assert.InRange(result.Control.ClickThroughRate, 0.0, 1.0);
                Assert.InRange(result.Treatment.ClickThroughRate, 0.0, 1.0);
            }
        }, iter: 500);
    }
}
