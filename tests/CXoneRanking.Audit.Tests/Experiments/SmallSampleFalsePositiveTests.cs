using CXoneRanking.Experiments;
using Xunit.Abstractions;

namespace CXoneRanking.Audit.Tests.Experiments;

/// <summary>
/// docs/experiments.md#not-enough-data: A/A experiments (both arms drawn alike, clustered clicks,
/// rare and common clicks) at 3, 5, 10 and 20 sessions per arm. However few the sessions, the
/// verdict claims a lift in at most 5% of them, and so does the randomisation p-value alone
/// (without the minimum sample). Seeds are fixed: the rates are exact regressions, printed for the
/// docs.
/// </summary>
public sealed class SmallSampleFalsePositiveTests(ITestOutputHelper output)
{
    private const int Runs = 2_000;

    [Theory]
    [InlineData(3, 0.03, 301)]
    [InlineData(3, 0.15, 302)]
    [InlineData(5, 0.03, 501)]
    [InlineData(5, 0.15, 502)]
    [InlineData(10, 0.03, 1001)]
    [InlineData(10, 0.15, 1002)]
    [InlineData(20, 0.03, 2001)]
    [InlineData(20, 0.15, 2002)]
    public void Under_AA_a_lift_is_claimed_in_at_most_5_percent_of_experiments(int sessionsPerArm, double rate, int seed)
    {
        var random = new Random(seed);
        int verdicts = 0, pBelow = 0, enough = 0;
        for (var run = 0; run < Runs; run++)
        {
            var control = SimulatedExperiment.Arm(random, sessionsPerArm, rate);
            var treatment = SimulatedExperiment.Arm(random, sessionsPerArm, rate);
            var result = RankingExperimentResult.Of("aa", control, treatment);
            if (result.EnoughData) enough++;
            if (result.Verdict.StartsWith("Treatment", StringComparison.Ordinal)) verdicts++;
            // The test on its own, minimum or not (a session without impressions cannot be compared).
            var ratios = new SessionRatios(Pairs(treatment), Pairs(control));
            if (PermutationTest.PValue(ratios) < 0.05) pBelow++;
        }
        output.WriteLine($"{sessionsPerArm} sessions per arm, base rate {rate}: verdicts claiming a lift {verdicts / (double)Runs:0.0000}, "
            + $"p < 0.05 {pBelow / (double)Runs:0.0000}, enough data {enough / (double)Runs:0.000}");
        Assert.InRange(verdicts / (double)Runs, 0.0, 0.05);
        // The p-value's own rate is at most 99 / 2,000 = 4.95% by construction; 2,000 runs measure it to +/- 1 point (2 sd).
        Assert.InRange(pBelow / (double)Runs, 0.0, 0.06);
    }

    private static List<(double, double, double)> Pairs(IEnumerable<SessionOutcome> sessions) =>
        sessions.Select(s => ((double)s.ClickedImpressions, (double)s.Impressions, (double)s.Impressions)).ToList();
}
