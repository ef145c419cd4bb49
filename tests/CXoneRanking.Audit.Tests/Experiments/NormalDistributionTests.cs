using CXoneRanking.Experiments;

namespace CXoneRanking.Audit.Tests.Experiments;

/// <summary>The hand-written normal CDF and quantile against published values (to 1e-12 relative or better).</summary>
public sealed class NormalDistributionTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.841344746068542948585)]
    [InlineData(-1.0, 0.158655253931457051415)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(-3.0, 0.00134989803163009452665)]
    [InlineData(-5.0, 2.86651571879193911674e-7)]
    [InlineData(-8.0, 6.22096057427178413283e-16)]
    [InlineData(-10.0, 7.61985302416052606597e-24)]
    [InlineData(2.5758293035489004, 0.995)]
    public void Cdf_matches_published_values(double x, double expected)
    {
        var actual = NormalDistribution.Cdf(x);
        Assert.True(Math.Abs(actual - expected) <= 1e-12 * expected + 1e-300, $"Cdf({x}) = {actual:R}, expected {expected:R}");
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.8, 0.8416212335729143)]
    [InlineData(0.995, 2.5758293035489004)]
    [InlineData(0.025, -1.959963984540054)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(1e-10, -6.361340902404056)]
    public void Quantile_matches_published_values(double p, double expected) =>
        Assert.Equal(expected, NormalDistribution.Quantile(p), 9);

    [Fact]
    public void Quantile_inverts_the_cdf_across_its_range()
    {
        // Up to 5 only: above it, 1 - Cdf(x) has fewer digits than the test asks for.
        for (var x = -8.0; x <= 5.0; x += 0.125)
        {
            var p = NormalDistribution.Cdf(x);
                        Assert.True(Math.Abs(NormalDistribution.Quantile(p) - x) < 1e-7, $"Quantile(Cdf({x})) = {NormalDistribution.Quantile(p):R}");
        }
    }

    [Fact]
    public void Two_sided_p_value_of_the_familiar_thresholds()
    {
        Assert.Equal(0.05, NormalDistribution.TwoSidedPValue(1.959963984540054), 12);
        Assert.Equal(0.05, NormalDistribution.TwoSidedPValue(-1.959963984540054), 12);
        Assert.Equal(1.0, NormalDistribution.TwoSidedPValue(0), 12);
    }

    [Fact]
    public void Quantile_refuses_what_is_not_a_probability()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Quantile(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Quantile(double.NaN));
        Assert.Equal(double.NegativeInfinity, NormalDistribution.Quantile(0));
    }
}
