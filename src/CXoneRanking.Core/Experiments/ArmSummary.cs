namespace CXoneRanking.Experiments;

/// <summary>
/// One arm's figures. Click-through is a ratio of sums over sessions (clicked impressions /
/// impressions), so it never exceeds 100%; the statistics treat sessions as the independent
/// units (docs/experiments.md#formulas).
/// </summary>
public sealed class ArmSummary
{
    public string Arm { get; private set; } = string.Empty;
    public int Sessions { get; private set; }

    /// <summary>Sessions with at least one click.</summary>
    public int SessionsWithClicks { get; private set; }

    public long Impressions { get; private set; }

    /// <summary>Every click of the arm's sessions, repeated ones included.</summary>
    public long Clicks { get; private set; }

    /// <summary>Impressions clicked at least once.</summary>
    public long ClickedImpressions { get; private set; }

    /// <summary>Clicked impressions / impressions, in [0, 1]; 0 without impressions.</summary>
    public double ClickThroughRate { get; private set; }

    /// <summary>The mean over sessions of 1 / the first click's position (0 for a session without a click).</summary>
    public double MeanReciprocalRank { get; private set; }

    public static ArmSummary Of(string arm, IReadOnlyCollection<SessionOutcome> sessions)
    {
        var summary = new ArmSummary { Arm = arm, Sessions = sessions.Count };
        foreach (var session in sessions)
        {
            summary.Impressions += session.Impressions;
            summary.Clicks += session.Clicks;
            summary.ClickedImpressions += session.ClickedImpressions;
            if (session.Clicks > 0) summary.SessionsWithClicks++;
        }
        if (sessions.Count == 0) return summary;
        summary.ClickThroughRate = RankingMetrics.Ratio(summary.ClickedImpressions, summary.Impressions);
        summary.MeanReciprocalRank = sessions.Sum(s => s.ReciprocalRank) / sessions.Count;
        return summary;
    }

    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture,
        "{0}: {1:N0} sessions, {2:N0} clicked / {3:N0} impressions = {4:P2}", Arm, Sessions, ClickedImpressions, Impressions, ClickThroughRate);
}
