namespace CXoneRanking.WhatIf;

/// <summary>
/// Seeded Poisson(1) draws for the bootstrap weights: SplitMix64 (the same sequence on every runtime, unlike
/// System.Random's, which is free to change) and the inverse of the Poisson(1) distribution function, one uniform per draw.
/// </summary>
internal sealed class PoissonDraws(int seed)
{
    private static readonly double[] Cumulative = BuildCumulative();
    private ulong _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);

    public int Next()
    {
        var u = (NextUlong() >> 11) * (1.0 / (1UL << 53));
        var k = 0;
        while (k < Cumulative.Length - 1 && u > Cumulative[k]) k++;
        return k;
    }

    private ulong NextUlong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static double[] BuildCumulative()
    {
        // P(k) = e^-1 / k!; beyond 12 the remaining mass is below 1e-9, and the last entry takes it.
        var cumulative = new double[13];
        double p = Math.Exp(-1), sum = 0;
        for (var k = 0; k < cumulative.Length; k++)
        {
            sum += p;
            cumulative[k] = sum;
            p /= k + 1;
        }
        return cumulative;
    }
}
