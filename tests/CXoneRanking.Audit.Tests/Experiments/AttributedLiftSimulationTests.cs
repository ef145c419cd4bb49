using CXoneRanking.Experiments;

namespace CXoneRanking.Audit.Tests.Experiments;

/// <summary>
/// docs/experiments.md#what-counts, with a known truth: every session is ranked and clicked before the experiment,
/// ranked in it, then re-ranked outside it and clicked again. Only the clicks made while the experiment's ranking was
/// in force may count, so the measured lift must be the true one (control 10%, treatment 20%: +10 pts).
/// </summary>
public sealed class AttributedLiftSimulationTests
{
    private static readonly string[] Snippets = ["KB-1", "KB-2", "KB-3", "KB-4", "KB-5"];

    [Fact]
    public void Clicks_before_and_after_the_experiment_do_not_bias_the_lift()
    {
        var random = new Random(20261207);
        var entries = new List<AuditEntry>();
        for (var i = 0; i < 3000; i++)
        {
            var session = $"s-{i}";
            var treated = i % 2 == 1;
            AddShowing(entries, random, session, 0, null, null, 0.5);
            AddShowing(entries, random, session, 10, "exp", treated ? ExperimentArm.Treatment : ExperimentArm.Control, treated ? 0.2 : 0.1);
            AddShowing(entries, random, session, 20, null, null, 0.5);
        }

        var result = RankingExperimentCalculator.Calculate(entries).Single();
        var lift = result.ClickThrough!;

        Assert.InRange(lift.Lift, 0.1 - 0.02, 0.1 + 0.02);
        Assert.InRange(0.1, lift.Low, lift.High);
        Assert.InRange(result.Control.ClickThroughRate, 0.1 - 0.015, 0.1 + 0.015);
    }

    private static void AddShowing(List<AuditEntry> entries, Random random, string session, int minute, string? experiment, string? arm,
        double clickRate)
    {
        var ranking = Entries.Submitted(session, 10, Entries.T0.AddMinutes(minute), Snippets);
        ranking.Experiment = experiment;
        ranking.Arm = arm;
        entries.Add(ranking);
        for (var position = 1; position <= Snippets.Length; position++)
        {
            if (random.NextDouble() < clickRate)
                entries.Add(Entries.Click(session, Snippets[position - 1], position, Entries.T0.AddMinutes(minute + 1)));
        }
    }
}
