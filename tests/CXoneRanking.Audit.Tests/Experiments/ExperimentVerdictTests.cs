using CXoneRanking.Experiments;

namespace CXoneRanking.Audit.Tests.Experiments;

/// <summary>The verdict line reads the same in every culture and says whether the lift is significant.</summary>
public sealed class ExperimentVerdictTests
{
    private static List<SessionOutcome> Sessions(int count, int clickEvery) =>
        Enumerable.Range(0, count).Select(i => new SessionOutcome(10, i % clickEvery == 0 ? 3 : 1, 1)).ToList();

    [Fact]
    public void A_significant_lift_reads_as_a_verdict_in_invariant_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var result = RankingExperimentResult.Of("e", Sessions(1488, 10), Sessions(1512, 2));
            Assert.Matches(@"^Treatment \+\d+\.\d pts CTR \(95% interval \+\d+\.\d to \+\d+\.\d\), p < 0\.001, 1,488 control vs 1,512 treatment sessions$",
                result.Verdict);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void No_difference_says_so()
    {
        var result = RankingExperimentResult.Of("e", Sessions(100, 3), Sessions(100, 3));
        Assert.Equal("No significant difference: treatment 0.0 pts CTR (95% interval -3.3 to +3.3), p = 1.000, 100 control vs 100 treatment sessions", result.Verdict);
    }

    [Theory]
    [InlineData(0.0213, "+2.1")]
    [InlineData(-0.0049, "-0.5")]
    [InlineData(0.0004, "+0.04")]
    [InlineData(-0.0003, "-0.03")]
    [InlineData(0.0, "0.0")]
    public void Points_are_signed_with_one_decimal(double lift, string text) => Assert.Equal(text, ExperimentVerdict.Points(lift));
}

/// <summary>The worked example of docs/experiments.md#worked-example, so the page and the code cannot drift apart.</summary>
public sealed class ExperimentWorkedExampleTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly SessionOutcome[] Control =
        [new SessionOutcome(5, 1, 2), new SessionOutcome(5, 0, null), new SessionOutcome(4, 2, 1), new SessionOutcome(6, 1, 3)];

    private static readonly SessionOutcome[] Treatment =
        [new SessionOutcome(5, 2, 1), new SessionOutcome(5, 1, 1), new SessionOutcome(4, 1, 2), new SessionOutcome(6, 3, 1)];

    [Fact]
    public void Four_sessions_per_arm_get_no_verdict()
    {
        var result = RankingExperimentResult.Of("worked-example", Control, Treatment);

        Assert.Equal((0.20, 0.35), (result.Control.ClickThroughRate, result.Treatment.ClickThroughRate));
        Assert.Null(result.ClickThroughLift);
        Assert.Equal("Not enough data: 4 control vs 4 treatment sessions, 7 with a click "
            + "(a verdict needs at least 10 sessions in each arm and 5 sessions with a click)", result.Verdict);
    }

    [Fact]
    public void The_documented_figures_are_what_the_method_computes()
    {
        static List<(double, double, double)> Ctr(IEnumerable<SessionOutcome> arm) =>
            arm.Select(s => ((double)s.ClickedImpressions, (double)s.Impressions, (double)s.Impressions)).ToList();
        var ctr = LiftEstimate.Of(new SessionRatios(Ctr(Treatment), Ctr(Control)));
        output.WriteLine($"lift {ctr.Lift} se {ctr.StandardError} df {ctr.DegreesOfFreedom} low {ctr.Low} high {ctr.High} "
            + $"p {ctr.PValue} mdl {ctr.MinimumDetectableLift}");

        Assert.Equal(0.15, ctr.Lift, 12);
        // Both arms' delta-method variances (0.008267, 0.005317) are below the floor (2/7)(5/7)/20 = 0.010204: SE = 1/7.
        Assert.Equal(1.0 / 7, ctr.StandardError, 12);
        Assert.Equal(6.0, ctr.DegreesOfFreedom, 9);
        Assert.Equal(-0.2002, ctr.Low, 3);
        Assert.Equal(0.5002, ctr.High, 3);
        // C(8, 4) = 70 splits, all enumerated: 20 are at least as extreme as the observed one.
        Assert.Equal(20.0 / 70, ctr.PValue, 12);
        Assert.Equal(0.479, ctr.MinimumDetectableLift, 3);
        // What Format-List shows for the estimate (it printed the type's name).
        Assert.Equal("+0.150 (95% -0.200 to +0.500), p = 0.286", ctr.ToString());
    }
}
