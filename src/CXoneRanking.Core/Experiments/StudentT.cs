namespace CXoneRanking.Experiments;

/// <summary>
/// Student's t quantile, for the interval and the minimum detectable lift of small samples, by the
/// Cornish-Fisher expansion in 1/df to the fourth order (Abramowitz and Stegun 26.7.5). With at
/// least 9 degrees of freedom, which the experiment minimum guarantees, it is within 1e-4 of the
/// exact quantile; it tends to the normal quantile as df grows.
/// </summary>
internal static class StudentT
{
    public static double Quantile(double p, double degreesOfFreedom)
    {
        var z = NormalDistribution.Quantile(p);
        if (double.IsInfinity(degreesOfFreedom) || degreesOfFreedom > 1e7) return z;
        var v = degreesOfFreedom;
        var z2 = z * z;
        var z3 = z2 * z;
        var z5 = z3 * z2;
        var z7 = z5 * z2;
        var z9 = z7 * z2;
        return z
            + (z3 + z) / (4 * v)
            + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
            + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v);
    }
}
