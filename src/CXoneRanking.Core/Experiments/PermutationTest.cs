namespace CXoneRanking.Experiments;

/// <summary>
/// The two-sided randomisation test of "the change did nothing": sessions were assigned to arms at
/// random, so under that hypothesis every split of the same sessions into arms of the same sizes
/// was as likely as the one observed. The p-value is the share of splits whose |Welch statistic|
/// is at least the observed one, counting the observed split: every split when there are at most
/// <see cref="Splits"/>, else the observed one and <see cref="Splits"/> - 1 random ones drawn with a
/// fixed seed (so a log always gives the same p). Either way P(p &lt;= alpha) &lt;= alpha under the
/// hypothesis, at any sample size: the guarantee a normal approximation lacks for small samples.
/// </summary>
internal static class PermutationTest
{
    public const int Splits = 2_000;
    private const ulong Seed = 0x5EED_CAFE_F00D_2026;

    public static double PValue(SessionRatios sessions)
    {
        var observed = Math.Abs(sessions.Observed().Statistic);
        // A split as extreme as the observed one, allowing for rounding in the sums.
        var threshold = observed * (1 - 1e-9);
        var total = Combinations(sessions.Count, sessions.TreatmentCount);
        long extreme = 0, count = 0;
        if (total <= Splits)
        {
            foreach (var sums in AllSplits(sessions))
            {
                count++;
                if (Math.Abs(sessions.Split(sums).Statistic) >= threshold) extreme++;
            }
            return (double)extreme / count;
        }
        var random = new SplitMix64(Seed);
        var order = Enumerable.Range(0, sessions.Count).ToArray();
        for (var draw = 1; draw < Splits; draw++)
        {
            // A partial Fisher-Yates shuffle: the first TreatmentCount places are a uniform random subset.
            var sums = new SessionRatios.Sums();
            for (var i = 0; i < sessions.TreatmentCount; i++)
            {
                var j = i + (int)random.Below((uint)(order.Length - i));
                (order[i], order[j]) = (order[j], order[i]);
                sums = sessions.AddSession(sums, order[i]);
            }
            if (Math.Abs(sessions.Split(sums).Statistic) >= threshold) extreme++;
        }
        return (extreme + 1.0) / Splits;
    }

    /// <summary>Every subset of TreatmentCount sessions, as its sums (the observed split among them).</summary>
    private static IEnumerable<SessionRatios.Sums> AllSplits(SessionRatios sessions)
    {
        var k = sessions.TreatmentCount;
        var chosen = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            var sums = new SessionRatios.Sums();
            foreach (var i in chosen) sums = sessions.AddSession(sums, i);
            yield return sums;
            var p = k - 1;
            while (p >= 0 && chosen[p] == sessions.Count - k + p) p--;
            if (p < 0) yield break;
            chosen[p]++;
            for (var q = p + 1; q < k; q++) chosen[q] = chosen[q - 1] + 1;
        }
    }

    /// <summary>n choose k, saturating above <see cref="Splits"/> (only "is it at most Splits" matters).</summary>
    internal static long Combinations(int n, int k)
    {
        k = Math.Min(k, n - k);
        double result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
            if (result > Splits) return Splits + 1L;
        }
        return (long)Math.Round(result);
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): small, fast and the same on every runtime.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, bound), bound below 2^32: Lemire's multiply-shift, with rejection so no value is favoured.</summary>
        public uint Below(uint bound)
        {
            var product = (Next() >> 32) * bound;
            if ((uint)product < bound)
            {
                var threshold = (0u - bound) % bound;
                while ((uint)product < threshold) product = (Next() >> 32) * bound;
            }
            return (uint)(product >> 32);
        }
    }
}
