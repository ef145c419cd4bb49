namespace CXoneRanking.Experiments;

/// <summary>
/// The standard normal distribution's CDF and quantile, written out because netstandard2.0 has
/// neither and the module takes no statistics package for two functions. The CDF is Hart's
/// rational approximation (as given by G. West, "Better approximations to
/// cumulative normal functions", 2005); the quantile is P. J. Acklam's approximation refined by one
/// Halley step against that CDF, which brings it to full double precision. Beyond |x| = 3 the CDF
/// uses a continued fraction instead, so small tail probabilities keep their relative precision.
/// </summary>
public static class NormalDistribution
{
    private const double SqrtTwoPi = 2.50662827463100050242;

    private static readonly double[] A =
    [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
    ];
    private static readonly double[] B =
    [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01,
    ];
    private static readonly double[] C =
    [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
    ];
    private static readonly double[] D =
    [
        7.784695709041462e-03, 3.224671290700398e-01,
        2.445134137142996e+00, 3.754408661907416e+00,
    ];

    /// <summary>P(Z &lt;= x).</summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        var z = Math.Abs(x);
        double tail;
        if (z > 38) tail = 0;
        else if (z < 3)
        {
            var numerator = (((((3.52624965998911e-02 * z + 0.700383064443688) * z + 6.37396220353165) * z + 33.912866078383) * z
                + 112.079291497871) * z + 221.213596169931) * z + 220.206867912376;
            var denominator = ((((((8.83883476483184e-02 * z + 1.75566716318264) * z + 16.064177579207) * z + 86.7807322029461) * z
                + 296.564248779674) * z + 637.333633378831) * z + 793.826512519948) * z + 440.413735824752;
            tail = Math.Exp(-z * z / 2) * numerator / denominator;
        }
        else
        {
            // Laplace's continued fraction of Mills' ratio, z + 1/(z + 2/(z + 3/(...))), evaluated from
            // depth 100 back: full relative precision for z >= 3, where the rational form loses digits.
            var fraction = z;
            for (var k = 100; k >= 1; k--) fraction = z + k / fraction;
            tail = Math.Exp(-z * z / 2) / SqrtTwoPi / fraction;
        }
        return x > 0 ? 1 - tail : tail;
    }

    /// <summary>The x with P(Z &lt;= x) = <paramref name="p"/>, for p in (0, 1); infinities at 0 and 1.</summary>
    public static double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "A probability is in [0, 1].");
        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;
        const double low = 0.02425;
        double x;
        if (p < low) x = Tail(Math.Sqrt(-2 * Math.Log(p)));
        else if (p > 1 - low) x = -Tail(Math.Sqrt(-2 * Math.Log(1 - p)));
        else
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        }
        // One Halley step on Cdf(x) - p.
        var error = Cdf(x) - p;
        var u = error * SqrtTwoPi * Math.Exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    private static double Tail(double q) =>
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);

    /// <summary>The two-sided p-value of a z statistic: P(|Z| &gt;= |z|).</summary>
    public static double TwoSidedPValue(double z) => Math.Min(1.0, 2 * Cdf(-Math.Abs(z)));
}
