namespace CXoneRanking.Audit.Tests.Learning;

/// <summary>Kendall's tau-a between two scorings of the same items: 1 for the same order, -1 for the reverse.</summary>
internal static class KendallTau
{
    public static double Between(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count || a.Count < 2) throw new ArgumentException("Two scorings of the same two or more items.");
        long concordant = 0, discordant = 0;
        for (var i = 0; i < a.Count; i++)
            for (var j = i + 1; j < a.Count; j++)
            {
                var sign = Math.Sign(a[i] - a[j]) * Math.Sign(b[i] - b[j]);
                if (sign > 0) concordant++;
                else if (sign < 0) discordant++;
            }
        return (double)(concordant - discordant) / (a.Count * (a.Count - 1) / 2);
    }
}
