namespace CXoneRanking.Metrics;

/// <summary>
/// Percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value at
/// 1-based rank ceil(p * n / 100). Always an observed latency, never an interpolation.
/// </summary>
internal static class NearestRank
{
    /// <summary>The <paramref name="percentile"/>-th percentile (1..100) of <paramref name="sorted"/> (ascending), or null if empty.</summary>
    public static double? Percentile(IReadOnlyList<long> sorted, int percentile)
    {
        if (percentile is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile is in 1..100.");
        if (sorted.Count == 0) return null;
        return sorted[(int)Rank(percentile, sorted.Count) - 1];
    }

    /// <summary>The 1-based rank of the <paramref name="percentile"/>-th percentile of <paramref name="count"/> values.</summary>
    // Integer ceiling: 0.95 * 20 in floating point need not be exactly 19.
    public static long Rank(int percentile, long count) => ((long)percentile * count + 99) / 100;
}
