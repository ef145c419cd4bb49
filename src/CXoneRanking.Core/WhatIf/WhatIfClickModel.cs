using CXoneRanking.Learning;

namespace CXoneRanking.WhatIf;

/// <summary>
/// The click model of Measure-RankingChange: Get-SnippetBoostSuggestion's fit, refined under a nearly flat prior on
/// attractiveness. The Beta(2, 2) prior (<see cref="ClickModelPrior"/>) pulls each attractiveness toward 1/2 by about
/// one pseudo-click per snippet: harmless for ordering boosts, but most snippets are clicked far less than half the
/// time they are looked at, so every pull is upward, and a click-through rate sums thousands of them. In simulations
/// with known truth (docs/what-if.md) it put the estimates about 3% high, and the 95% intervals held the true rate in
/// only about 66% of cases; with <see cref="RelevancePseudoCount"/> they hold it in about 93%. The nearly flat prior
/// still keeps every value inside (0, 1); a snippet too thin to estimate does not use its value (<see cref="EffectiveClickModel"/>).
/// </summary>
internal static class WhatIfClickModel
{
    /// <summary>Pseudo-hits and pseudo-misses on each attractiveness: a Beta(1.02, 1.02) prior.</summary>
    public const double RelevancePseudoCount = 0.02;

    /// <summary>The refinement is accelerated; from the standard fit it takes a few dozen sweeps.</summary>
    public const int MaxSweeps = 3000;

    /// <summary>Refits <paramref name="fit"/>'s parameters in place under the nearly flat prior.</summary>
    public static void Refit(FittedClickCells fit, CancellationToken cancellationToken)
    {
        var sweeps = new ClickModelSweeps(fit.Cells, fit.Reference, fit.Comparable, RelevancePseudoCount);
        new AcceleratedClickModelSweeps(sweeps, fit.Examination.Length, fit.Relevance.Length)
            .Run(fit.Examination, fit.Relevance, MaxSweeps, PositionBasedClickModel.DefaultTolerance, cancellationToken);
    }
}
