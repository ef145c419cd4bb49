using CXoneRanking.WhatIf;

namespace CXoneRanking.Tests.WhatIf;

/// <summary>One simulated case: a proposal on a simulated log, the estimate and the truth.</summary>
public sealed record SimulationCase(int Seed, ProposalKind Kind, RankingChangeEstimate Estimate, SimulatedTruth Truth)
{
    public bool HoldsClickThroughRate => Holds(Estimate.EstimatedClickThroughRateLow, Estimate.EstimatedClickThroughRateHigh, Truth.ClickThroughRate);
    public bool HoldsMeanReciprocalRank =>
        Holds(Estimate.EstimatedMeanReciprocalRankLow, Estimate.EstimatedMeanReciprocalRankHigh, Truth.MeanReciprocalRank);
    public bool HoldsClickThroughLift => Holds(Estimate.ClickThroughLiftLow, Estimate.ClickThroughLiftHigh, Truth.ClickThroughLift);
    public bool HoldsMeanReciprocalRankLift =>
        Holds(Estimate.MeanReciprocalRankLiftLow, Estimate.MeanReciprocalRankLiftHigh, Truth.MeanReciprocalRankLift);

    public bool HoldsClickedImpressionsPerSession => Holds(Estimate.EstimatedClickedImpressionsPerSessionLow,
        Estimate.EstimatedClickedImpressionsPerSessionHigh, Truth.ClickedImpressionsPerSession);
    public bool HoldsClickedImpressionsPerSessionLift => Holds(Estimate.ClickedImpressionsPerSessionLiftLow,
        Estimate.ClickedImpressionsPerSessionLiftHigh, Truth.ClickedImpressionsPerSessionLift);

    /// <summary>Every lift whose interval excludes 0 has the true lift's sign.</summary>
    public bool SignsRight =>
        SignRight(Estimate.ClickedImpressionsPerSessionLiftLow, Estimate.ClickedImpressionsPerSessionLiftHigh,
            Truth.ClickedImpressionsPerSessionLift) &&
        SignRight(Estimate.ClickThroughLiftLow, Estimate.ClickThroughLiftHigh, Truth.ClickThroughLift)
        && SignRight(Estimate.MeanReciprocalRankLiftLow, Estimate.MeanReciprocalRankLiftHigh, Truth.MeanReciprocalRankLift);

    public string VerdictWord => Estimate.Verdict.Split(':')[0];

    /// <summary>Runs one case: the log of <paramref name="seed"/>, the proposal of <paramref name="kind"/>.</summary>
    public static SimulationCase Run(SimulatedClickLog log, int seed, ProposalKind kind, int resamples)
    {
        var proposal = log.Proposal(kind, new Random(seed * 31 + (int)kind));
        var window = kind switch { ProposalKind.Narrower => 3, ProposalKind.HelpsNarrower => 5, _ => SimulatedClickLog.Window };
        var (showings, truth) = log.Propose(proposal, window);
        var estimate = RankingChangeEstimator.Estimate(showings, new WhatIfSettings { Resamples = resamples, Seed = seed });
        return new SimulationCase(seed, kind, estimate, truth);
    }

    private static bool Holds(double? low, double? high, double truth) => low <= truth + 1e-12 && truth - 1e-12 <= high;

    private static bool SignRight(double? low, double? high, double truth) => !(low > 0) && !(high < 0) || (low > 0 ? truth > 0 : truth < 0);
}
