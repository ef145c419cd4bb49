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
            Assert.Matches(@"^Treatment \+\d+\.\d pts CTR \(95% interval \+\d+\.\d to \+\d+\.\d\), p < 0\.001, 1,512 vs 1,488 sessions$",
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
        Assert.Equal("No significant difference: treatment 0.0 pts CTR (95% interval -2.6 to +2.6), p = 1.000, 100 vs 100 sessions", result.Verdict);
    }

    [Theory]
    [InlineData(0.0213, "+2.1")]
    [InlineData(-0.0049, "-0.5")]
    [InlineData(0.0004, "0.0")]
    public void Points_are_signed_with_one_decimal(double lift, string text) => Assert.Equal(text, ExperimentVerdict.Points(lift));
}

/// <summary>The worked example of docs/experiments.md#worked-example, so the page and the code cannot drift apart.</summary>
public sealed class ExperimentWorkedExampleTests
{
    [Fact]
    public void The_documented_figures_are_what_the_code_computes()
    {
        var result = RankingExperimentResult.Of("worked-example",
            [new SessionOutcome(5, 1, 2), new SessionOutcome(5, 0, null), new SessionOutcome(4, 2, 1), new SessionOutcome(6, 1, 3)],
            [new SessionOutcome(5, 2, 1), new SessionOutcome(5, 1, 1), new SessionOutcome(4, 1, 2), new SessionOutcome(6, 3, 1)]);

        Assert.Equal((0.20, 0.35), (result.Control.ClickThroughRate, result.Treatment.ClickThroughRate));
        Assert.Equal(0.15, result.ClickThroughLift!.Value, 12);
        Assert.Equal(0.116548, result.ClickThrough!.StandardError, 6);
        Assert.Equal(-0.0784, result.ClickThroughLiftLow!.Value, 4);
        Assert.Equal(0.3784, result.ClickThroughLiftHigh!.Value, 4);
        Assert.Equal(0.198, result.PValue!.Value, 3);
        Assert.Equal(0.3265, result.MinimumDetectableLift!.Value, 4);
        Assert.Equal(0.4167, result.MeanReciprocalRankLift!.Value, 4);
        Assert.Equal(0.086, result.MeanReciprocalRankPValue!.Value, 3);
        Assert.Equal("No significant difference: treatment +15.0 pts CTR (95% interval -7.8 to +37.8), p = 0.198, 4 vs 4 sessions", result.Verdict);
    }
}
