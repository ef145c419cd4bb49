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
            Assert.Matches(@"^Treatment \+\d+\.\d pts CTR \(95% interval \+\d+\.\d to \+\d+\.\d\), p < 0\.001, 1,512 vs 1,488 sessions$", result.Verdict);
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
