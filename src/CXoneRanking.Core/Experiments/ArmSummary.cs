namespace CXoneRanking.Experiments;

/// <summary>
/// One arm's figures, with the variances the lift's interval needs. Click-through is a ratio of
/// sums over sessions (sum of clicks / sum of impressions); its variance is the delta method's,
/// with sessions as the independent units (docs/experiments.md#formulas).
/// </summary>
public sealed class ArmSummary
{
    public string Arm { get; private set; } = string.Empty;
    public int Sessions { get; private set; }
    public long Impressions { get; private set; }
    public long Clicks { get; private set; }

    /// <summary>Clicks / impressions; 0 without impressions.</summary>
    public double ClickThroughRate { get; private set; }

    /// <summary>The mean over sessions of 1 / the first click's position (0 for a session without a click).</summary>
    public double MeanReciprocalRank { get; private set; }

    /// <summary>The delta-method variance of <see cref="ClickThroughRate"/>; null below two sessions.</summary>
    internal double? ClickThroughVariance { get; private set; }

    /// <summary>The variance of <see cref="MeanReciprocalRank"/> (sample variance / sessions); null below two sessions.</summary>
    internal double? MeanReciprocalRankVariance { get; private set; }

    public static ArmSummary Of(string arm, IReadOnlyCollection<SessionOutcome> sessions)
    {
        var summary = new ArmSummary { Arm = arm, Sessions = sessions.Count };
        foreach (var session in sessions)
        {
            summary.Impressions += session.Impressions;
            summary.Clicks += session.Clicks;
        }
        var n = sessions.Count;
        if (n == 0) return summary;
        var rate = summary.Impressions == 0 ? 0.0 : (double)summary.Clicks / summary.Impressions;
        var mrr = sessions.Sum(s => s.ReciprocalRank) / n;
        summary.ClickThroughRate = rate;
        summary.MeanReciprocalRank = mrr;
        if (n < 2 || summary.Impressions == 0) return summary;
        // Var(C/N) ~ n/(n-1) * sum_i (c_i - R n_i)^2 / N^2: the linearised ratio's residuals per session.
        var residuals = sessions.Sum(s => Square(s.Clicks - rate * s.Impressions));
        summary.ClickThroughVariance = n / (n - 1.0) * residuals / Square(summary.Impressions);
        summary.MeanReciprocalRankVariance = sessions.Sum(s => Square(s.ReciprocalRank - mrr)) / (n - 1.0) / n;
        return summary;
    }

    private static double Square(double x) => x * x;

    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture,
        "{0}: {1:N0} sessions, {2:N0} clicks / {3:N0} impressions = {4:P2}", Arm, Sessions, Clicks, Impressions, ClickThroughRate);
}
