using CXoneRanking.Experiments;
using Xunit.Abstractions;

namespace CXoneRanking.Audit.Tests.Experiments;

/// <summary>
/// docs/experiments.md#formulas: over many simulated experiments with a known true lift, the 95%
/// interval holds it near 95% of the time, and under A/A the test rejects at 5% about 5% of the
/// time. Seeds are fixed, so these are exact regressions; the bands are what a correct method
/// passes (500 runs: the coverage's sd is about 0.01).
/// </summary>
public sealed class LiftIntervalCoverageTests(ITestOutputHelper output)
{
    private const int Runs = 500;
    private const int SessionsPerArm = 300;

    [Theory]
    [InlineData(0.10, 0.10, 11)]
    [InlineData(0.10, 0.13, 12)]
    [InlineData(0.30, 0.25, 13)]
    public void Interval_covers_the_true_lift_near_95_percent(double control, double treatment, int seed)
    {
        var random = new Random(seed);
        var covered = 0;
        for (var run = 0; run < Runs; run++)
        {
            var result = SimulatedExperiment.Run(random, SessionsPerArm, control, treatment);
            var truth = treatment - control;
            if (result.ClickThroughLiftLow <= truth && truth <= result.ClickThroughLiftHigh) covered++;
        }
        output.WriteLine($"CTR interval coverage, control {control} treatment {treatment}: {covered / (double)Runs:0.000}");
        Assert.InRange(covered / (double)Runs, 0.92, 0.98);
    }

    [Fact]
    public void Reciprocal_rank_interval_covers_the_same_arm_difference_of_zero()
    {
        var random = new Random(21);
        var covered = Enumerable.Range(0, Runs).Count(_ =>
        {
            var result = SimulatedExperiment.Run(random, SessionsPerArm, 0.2, 0.2);
            return result.MeanReciprocalRankLiftLow <= 0 && 0 <= result.MeanReciprocalRankLiftHigh;
        });
        output.WriteLine($"MRR interval coverage under A/A: {covered / (double)Runs:0.000}");
        Assert.InRange(covered / (double)Runs, 0.92, 0.98);
    }

    [Fact]
    public void Under_AA_p_values_fall_below_005_about_5_percent_of_the_time()
    {
        var random = new Random(31);
        var pValues = Enumerable.Range(0, Runs).Select(_ => SimulatedExperiment.Run(random, SessionsPerArm, 0.15, 0.15).PValue!.Value).ToList();
        output.WriteLine($"A/A false-positive rate at 0.05: {pValues.Count(p => p < 0.05) / (double)Runs:0.000}");
        Assert.InRange(pValues.Count(p => p < 0.05) / (double)Runs, 0.025, 0.08);
        // Uniform-ish: each fifth of [0, 1] holds about a fifth of the p-values.
        for (var fifth = 0; fifth < 5; fifth++)
            Assert.InRange(pValues.Count(p => p >= fifth * 0.2 && p < (fifth + 1) * 0.2) / (double)Runs, 0.15, 0.25);
    }

    [Fact]
    public void A_large_true_lift_is_found_with_a_tight_interval()
    {
        var result = SimulatedExperiment.Run(new Random(42), 3000, 0.10, 0.14);
        Assert.True(result.PValue < 0.01, result.Verdict);
        Assert.InRange(0.04, result.ClickThroughLiftLow!.Value, result.ClickThroughLiftHigh!.Value);
        // No wider than it needs to be: the half-width is t(0.975, df) SE and the minimum detectable lift (t(0.975) + t(0.8)) SE,
        // which at thousands of degrees of freedom are 1.96 SE and 2.80 SE.
        var halfWidth = (result.ClickThroughLiftHigh - result.ClickThroughLiftLow) / 2;
        var ctr = result.ClickThrough!;
        Assert.True(ctr.DegreesOfFreedom > 1000, $"df {ctr.DegreesOfFreedom}");
        Assert.Equal(StudentT.Quantile(0.975, ctr.DegreesOfFreedom) * ctr.StandardError, halfWidth!.Value, 12);
        Assert.InRange(halfWidth.Value / ctr.StandardError, 1.96, 1.962);
        Assert.InRange(result.MinimumDetectableLift!.Value / ctr.StandardError, 2.8016, 2.804);
        Assert.True(halfWidth < 0.01, $"half-width {halfWidth}");
    }

    [Fact]
    public void Clustered_sessions_widen_the_interval_beyond_the_naive_binomial_one()
    {
        // Whole sessions that click everything or nothing: the impressions are not independent trials.
        var control = Enumerable.Range(0, 200).Select(i => new SessionOutcome(10, i % 10 == 0 ? 10 : 0, i % 10 == 0 ? 1 : null)).ToList();
        var treatment = Enumerable.Range(0, 200).Select(i => new SessionOutcome(10, i % 8 == 0 ? 10 : 0, i % 8 == 0 ? 1 : null)).ToList();
        var result = RankingExperimentResult.Of("clustered", control, treatment);
        var naive = Math.Sqrt(0.1 * 0.9 / 2000 + 0.125 * 0.875 / 2000);
        Assert.Equal(0.025, result.ClickThroughLift!.Value, 12);
        Assert.True(result.ClickThrough!.StandardError > 2.5 * naive, $"SE {result.ClickThrough.StandardError} vs naive {naive}");
        Assert.True(result.PValue > 0.05, result.Verdict);
    }
}
