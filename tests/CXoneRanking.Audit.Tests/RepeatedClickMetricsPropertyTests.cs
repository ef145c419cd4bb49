using CsCheck;
using CXoneRanking.Experiments;
using CXoneRanking.Metrics;

namespace CXoneRanking.Audit.Tests;

/// <summary>
/// docs/audit-log.md#metrics: an impression counts as clicked once, so no rate exceeds 100%, while
/// Clicks still counts every click; clicks on sessions never ranked are counted apart.
/// </summary>
public sealed class RepeatedClickMetricsPropertyTests
{
    private static readonly DateTimeOffset T0 = Entries.T0;

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
