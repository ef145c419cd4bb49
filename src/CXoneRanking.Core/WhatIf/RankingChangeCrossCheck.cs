namespace CXoneRanking.WhatIf;

/// <summary>
/// Reciprocal-rank-weighted clicks per showing (each click counts 1 / its position) of the proposal, by the model
/// and by inverse propensity (docs/what-if.md#how-well-it-works-simulations-with-known-truth). The two agree when
/// the proposal reorders what was shown; the inverse-propensity figure reads low by the share it cannot credit.
/// </summary>
public sealed class RankingChangeCrossCheck
{
    public double? ModelReciprocalRankClicks { get; init; }

    public double? InversePropensityReciprocalRankClicks { get; init; }

    /// <summary>
    /// The examination-weighted share of the proposed impressions on snippets their showing did show: what inverse
    /// propensity can credit.
    /// </summary>
    public double? Overlap { get; init; }
}
