namespace CXoneRanking.Metrics;

/// <summary>
/// Every latency counted, exactly, as value -> how many times: mergeable (a day's summary adds to the next), and
/// small (latencies are whole milliseconds and repeat). The mean and the nearest-rank percentiles are those of the
/// sorted list of every value, to the last bit: the mean is the sum of the values in ascending order, as doubles.
/// </summary>
internal sealed class LatencyHistogram
{
    // Below this every partial sum of whole numbers is exact in a double, so a run of equal values adds in one step.
    private const double ExactLimit = 9007199254740992.0;   // 2^53

    private readonly Dictionary<long, long> _counts = [];

    public long Count { get; private set; }

    public void Add(long latency, long times = 1)
    {
        if (times <= 0) return;
        _counts[latency] = _counts.TryGetValue(latency, out var n) ? n + times : times;
        Count += times;
    }

    public void Merge(LatencyHistogram other)
    {
        foreach (var pair in other._counts) Add(pair.Key, pair.Value);
    }

    /// <summary>Each distinct value with its count, ascending.</summary>
    public IEnumerable<KeyValuePair<long, long>> Ascending() => _counts.OrderBy(pair => pair.Key);

    /// <summary>The mean, summed in ascending order as doubles (a damaged line may hold a huge latency); null when empty.</summary>
    public double? Mean()
    {
        if (Count == 0) return null;
        var sum = 0.0;
        foreach (var pair in Ascending())
        {
            double value = pair.Key, run = value * pair.Value;
            if (Math.Abs(value) < ExactLimit && Math.Abs(sum) < ExactLimit && Math.Abs(run) < ExactLimit && Math.Abs(sum + run) < ExactLimit)
            {
                sum += run;   // exact: the same as adding the value pair.Value times
                continue;
            }
            for (var i = 0L; i < pair.Value; i++) sum += value;
        }
        return sum / Count;
    }

    /// <summary>The nearest-rank percentile (1..100) of every value counted; null when empty.</summary>
    public double? Percentile(int percentile)
    {
        if (percentile is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile is in 1..100.");
        if (Count == 0) return null;
        var rank = NearestRank.Rank(percentile, Count);
        var seen = 0L;
        foreach (var pair in Ascending())
        {
            seen += pair.Value;
            if (seen >= rank) return pair.Key;
        }
        throw new InvalidOperationException("The histogram's counts do not add up to its count.");
    }
}
