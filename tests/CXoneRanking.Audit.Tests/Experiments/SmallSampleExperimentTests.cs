using CXoneRanking.Experiments;

namespace CXoneRanking.Audit.Tests.Experiments;

/// <summary>
/// docs/experiments.md#not-enough-data: a handful of sessions, or a sample in which nothing varies,
/// gives "Not enough data" or an honest interval, never a certainty.
/// </summary>
public sealed class SmallSampleExperimentTests
{
    private static SessionOutcome Clicked(int impressions = 5) => new(impressions, 1, 1);
    private static SessionOutcome NotClicked(int impressions = 5) => new(impressions, 0, null);

    [Fact]
    public void Two_sessions_per_arm_with_every_treatment_session_clicked_are_not_enough_data()
    {
        var result = RankingExperimentResult.Of("tiny", [NotClicked(), NotClicked()], [Clicked(), Clicked()]);

        Assert.StartsWith("Not enough data: 2 control vs 2 treatment sessions, 2 with a click", result.Verdict);
        Assert.Contains("at least 10 sessions in each arm", result.Verdict);
        Assert.False(result.EnoughData);
        Assert.Null(result.PValue);
        Assert.Null(result.ClickThroughLiftLow);
        Assert.Null(result.MinimumDetectableLift);
        Assert.Null(result.MeanReciprocalRankPValue);
        Assert.Equal(0.2, result.Treatment.ClickThroughRate, 12);
    }

    [Fact]
    public void No_clicks_in_either_arm_is_not_enough_data_however_many_sessions()
    {
        var none = Enumerable.Range(0, 200).Select(_ => NotClicked()).ToList();
        var result = RankingExperimentResult.Of("silent", none, none);

        Assert.StartsWith("Not enough data: 200 control vs 200 treatment sessions, 0 with a click", result.Verdict);
        Assert.Null(result.ClickThroughLiftHigh);
        Assert.Null(result.MinimumDetectableLift);
    }

    [Fact]
    public void A_sample_in_which_no_session_differs_from_its_arm_still_has_a_width_and_a_p_above_zero()
    {
        // Every treatment session clicks exactly one of five, no control session clicks: each arm's
        // delta-method variance is exactly 0, which used to give "interval +20.0 to +20.0, p < 0.001".
        var control = Enumerable.Range(0, 10).Select(_ => NotClicked()).ToList();
        var treatment = Enumerable.Range(0, 10).Select(_ => Clicked()).ToList();
        var result = RankingExperimentResult.Of("degenerate", control, treatment);

        Assert.True(result.EnoughData);
        Assert.True(result.ClickThroughLiftHigh - result.ClickThroughLiftLow > 0.05, result.Verdict);
        Assert.True(result.MinimumDetectableLift > 0.02, result.Verdict);
        // 1 of the C(20, 10) = 184,756 splits is as extreme: drawn 2,000 times, p is 1 / 2,000.
        Assert.Equal(1.0 / PermutationTest.Splits, result.PValue!.Value, 12);
    }

    [Fact]
    public void Tiny_arms_are_tested_over_every_split_so_p_can_not_go_below_one_over_the_number_of_splits()
    {
        // Three sessions per arm: C(6, 3) = 20 splits, so the smallest p-value possible is 2/20 (two-sided: the mirror split ties).
        var treatment = new List<(double, double, double)> { (1, 5, 5), (1, 5, 5), (1, 5, 5) };
        var control = new List<(double, double, double)> { (0, 5, 5), (0, 5, 5), (0, 5, 5) };

        var p = PermutationTest.PValue(new SessionRatios(treatment, control));

        Assert.Equal(2.0 / 20, p, 12);
    }

    [Fact]
    public void The_t_quantile_matches_tables_from_9_degrees_of_freedom()
    {
        Assert.InRange(StudentT.Quantile(0.975, 9) - 2.262157, -1e-4, 1e-4);
        Assert.Equal(2.085963, StudentT.Quantile(0.975, 20), 5);
        Assert.InRange(StudentT.Quantile(0.80, 9) - 0.883404, -1e-4, 1e-4);
        Assert.Equal(1.959964, StudentT.Quantile(0.975, double.PositiveInfinity), 6);
    }
}
