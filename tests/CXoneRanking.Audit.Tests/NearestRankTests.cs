using CXoneRanking.Metrics;

namespace CXoneRanking.Audit.Tests;

public class NearestRankTests
{
    [Theory]
    [InlineData(new long[] { 15, 20, 35, 40, 50 }, 50, 35)]  // rank ceil(2.5) = 3
    [InlineData(new long[] { 15, 20, 35, 40, 50 }, 95, 50)]  // rank ceil(4.75) = 5
    [InlineData(new long[] { 15, 20, 35, 40, 50 }, 1, 15)]
    [InlineData(new long[] { 7 }, 99, 7)]
    [InlineData(new long[] { 1, 2 }, 50, 1)]                 // rank ceil(1.0) = 1, not an average
    public void Picks_the_value_at_the_nearest_rank(long[] sorted, int percentile, long expected) =>
        Assert.Equal(expected, NearestRank.Percentile(sorted, percentile));

    [Fact]
    public void Exact_ranks_are_not_pushed_up_by_floating_point()
    {
        var oneToHundred = Enumerable.Range(1, 100).Select(i => (long)i).ToList();
        Assert.Equal((50.0, 95.0, 99.0, 100.0), (NearestRank.Percentile(oneToHundred, 50)!.Value, NearestRank.Percentile(oneToHundred, 95)!.Value,
            NearestRank.Percentile(oneToHundred, 99)!.Value, NearestRank.Percentile(oneToHundred, 100)!.Value));
        var oneToTwenty = Enumerable.Range(1, 20).Select(i => (long)i).ToList();
        Assert.Equal(19, NearestRank.Percentile(oneToTwenty, 95)); // 0.95 * 20 is 19 exactly
    }

    [Fact]
    public void No_values_have_no_percentile()
    {
        Assert.Null(NearestRank.Percentile([], 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => NearestRank.Percentile([1], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NearestRank.Percentile([1], 101));
    }
}
