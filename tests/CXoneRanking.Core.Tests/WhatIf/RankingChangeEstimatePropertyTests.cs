using CsCheck;
using CXoneRanking.WhatIf;

namespace CXoneRanking.Tests.WhatIf;

/// <summary>The estimate's contract on random showings: every rate in [0, 1], every interval ordered, a verdict of the four.</summary>
public sealed class RankingChangeEstimatePropertyTests
{
    private static readonly string[] Pool = ["A", "B", "C", "D", "E", "F", "G", "H"];

    private static readonly Gen<string[]> List = Gen.Int[0, Pool.Length].SelectMany(n => Gen.Shuffle(Pool.ToArray(), n));

    private static readonly Gen<WhatIfShowing> Showing =
        Gen.Select(Gen.Int[0, 40], List, List, Gen.Int[0, 255], Gen.Int[0, 3]).Select((session, logged, proposed, mask, repeats) =>
        {
            var clicked = Enumerable.Range(1, logged.Length).Where(k => (mask & (1 << (k - 1))) != 0).ToArray();
            return new WhatIfShowing
            {
                SessionId = $"s-{session}", Logged = logged, Proposed = proposed, ClickedPositions = clicked,
                FirstClickPosition = clicked.Length > 0 ? clicked.Min() : null, Clicks = clicked.Length + (clicked.Length > 0 ? repeats : 0),
            };
        });

    private static readonly Gen<(WhatIfShowing[] Showings, int Seed)> Input = Gen.Select(Showing.Array[0, 120], Gen.Int);

    [Fact]
    public void Every_rate_lies_in_the_unit_interval_and_every_interval_holds_its_estimate() =>
        Input.Sample(input =>
        {
            var e = RankingChangeEstimator.Estimate(input.Showings, new WhatIfSettings { Resamples = 20, Seed = input.Seed });
            foreach (var rate in new[] { e.LoggedClickThroughRate, e.LoggedMeanReciprocalRank, e.ModelLoggedClickThroughRate,
                         e.ModelLoggedMeanReciprocalRank, e.EstimatedClickThroughRate, e.EstimatedClickThroughRateLow,
                         e.EstimatedClickThroughRateHigh, e.EstimatedMeanReciprocalRank, e.EstimatedMeanReciprocalRankLow,
                         e.EstimatedMeanReciprocalRankHigh, e.Coverage, e.InversePropensityClickThroughRate, e.CrossCheck.Overlap })
                Assert.True(rate is null || rate is >= 0.0 and <= 1.0, $"a rate of {rate}");
            Ordered(e.EstimatedClickThroughRateLow, e.EstimatedClickThroughRate, e.EstimatedClickThroughRateHigh);
            Ordered(e.EstimatedMeanReciprocalRankLow, e.EstimatedMeanReciprocalRank, e.EstimatedMeanReciprocalRankHigh);
            Ordered(e.ClickThroughLiftLow, e.ClickThroughLift, e.ClickThroughLiftHigh);
            Ordered(e.MeanReciprocalRankLiftLow, e.MeanReciprocalRankLift, e.MeanReciprocalRankLiftHigh);
            Ordered(e.EstimatedClickedImpressionsPerSessionLow, e.EstimatedClickedImpressionsPerSession, e.EstimatedClickedImpressionsPerSessionHigh);
            Ordered(e.ClickedImpressionsPerSessionLiftLow, e.ClickedImpressionsPerSessionLift, e.ClickedImpressionsPerSessionLiftHigh);
            Assert.True(e.EstimatedClickedImpressionsPerSession is null or >= 0.0, $"{e.EstimatedClickedImpressionsPerSession} per session");
            foreach (var lift in new[] { e.ClickThroughLiftLow, e.ClickThroughLiftHigh, e.MeanReciprocalRankLiftLow, e.MeanReciprocalRankLiftHigh })
                Assert.True(lift is null || lift is >= -1.0 and <= 1.0, $"a lift of {lift}");
            Assert.Matches("^(Likely better|Likely worse|No clear difference|Cannot tell): ", e.Verdict);
            Assert.True(e.Moved.Count <= 10);
            Assert.All(e.Moved, m => Assert.True(m.Attractiveness is null or >= 0.0 and <= 1.0));
            Assert.Equal(input.Showings.Select(s => s.SessionId).Distinct().Count(), e.Sessions);
        }, iter: 150);

    [Fact]
    public void A_proposal_equal_to_the_log_has_lifts_of_exactly_zero() =>
        Input.Sample(input =>
        {
            var same = input.Showings.Select(s => new WhatIfShowing
            {
                SessionId = s.SessionId, Logged = s.Logged, Proposed = [.. s.Logged], ClickedPositions = s.ClickedPositions,
                FirstClickPosition = s.FirstClickPosition, Clicks = s.Clicks,
            }).ToList();
            var e = RankingChangeEstimator.Estimate(same, new WhatIfSettings { Resamples = 10, Seed = input.Seed });
            Assert.True(e.ClickThroughLift is null or 0.0 && e.ClickThroughLiftLow is null or 0.0 && e.ClickThroughLiftHigh is null or 0.0);
            Assert.True(e.MeanReciprocalRankLift is null or 0.0 && e.MeanReciprocalRankLiftLow is null or 0.0
                && e.MeanReciprocalRankLiftHigh is null or 0.0);
            Assert.DoesNotMatch("^Likely", e.Verdict);
        }, iter: 100);

    private static void Ordered(double? low, double? value, double? high)
    {
        if (low is null || high is null) return;
        Assert.True(low <= value && value <= high, $"{low} <= {value} <= {high}");
    }
}
