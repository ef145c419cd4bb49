namespace CXoneRanking.Learning;

/// <summary>
/// The Beta(2, 2) prior on every examination and relevance parameter, as pseudo-counts: one
/// pseudo-hit and one pseudo-miss added to what the E-step expects (Laplace's rule of succession,
/// as a posterior mode). It is what keeps the fit inside (0, 1) on any log: without it a position
/// with no clicks is estimated at examination 0, and anything divided by it is infinite. Two
/// pseudo-impressions weigh nothing against a real log's hundreds, so the estimate of a
/// well-observed parameter is the unregularised one to the third decimal.
/// </summary>
internal static class ClickModelPrior
{
    /// <summary>alpha - 1 of the Beta prior: added to the expected hits.</summary>
    public const double PseudoHits = 1.0;

    /// <summary>beta - 1 of the Beta prior: added to the expected misses.</summary>
    public const double PseudoMisses = 1.0;

    /// <summary>
    /// The M-step under the prior (the mode of the Beta posterior): with expected hits in
    /// [0, trials], the result lies in [1 / (trials + 2), (trials + 1) / (trials + 2)], never 0 nor 1. Trials are
    /// weights (a count, or a bootstrap's resampled count), so a count gives what it always gave.
    /// </summary>
    public static double Mode(double expectedHits, double trials)
    {
        var hits = Math.Min(trials, Math.Max(0.0, expectedHits));
        return (hits + PseudoHits) / (trials + PseudoHits + PseudoMisses);
    }

    /// <summary>The M-step under a weaker symmetric prior: <paramref name="pseudoCount"/> pseudo-hits and as many pseudo-misses.</summary>
    public static double Mode(double expectedHits, double trials, double pseudoCount)
    {
        var hits = Math.Min(trials, Math.Max(0.0, expectedHits));
        return (hits + pseudoCount) / (trials + 2 * pseudoCount);
    }
}
