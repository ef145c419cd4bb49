namespace CXoneRanking.WhatIf;

/// <summary>
/// The 95% percentile interval of a figure over the bootstrap draws (2.5th and 97.5th percentiles, linear between
/// order statistics). The point estimate is the full log's; where the draws' interval does not hold it (a skewed
/// or biased draw distribution), the interval is widened to it, so Low ≤ estimate ≤ High always holds.
/// </summary>
internal static class Percentiles
{
    public static Interval Of(double? estimate, ShowingExpectation[] draws, Func<ShowingExpectation, double?> figure)
    {
        if (estimate is not { } value) return default;
        var values = draws.Select(figure).Where(v => v is not null).Select(v => v!.Value).ToArray();
        if (values.Length == 0) return new Interval(value, null, null);
        Array.Sort(values);
        var low = Math.Min(value, At(values, 0.025));
        var high = Math.Max(value, At(values, 0.975));
        return new Interval(value, low, high);
    }

    private static double At(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var below = (int)Math.Floor(h);
        var above = Math.Min(sorted.Length - 1, below + 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
