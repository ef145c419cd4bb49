namespace CXoneRanking.Experiments;

/// <summary>
/// The least an experiment needs before it gets any statistic (docs/experiments.md#not-enough-data):
/// below it the verdict says "Not enough data" and the lift, interval, p-value and minimum
/// detectable lift are empty. Ten sessions per arm keep the interval's degrees of freedom at 9 or
/// more; five sessions with a click make sure there is something to compare.
/// </summary>
public static class ExperimentEvidence
{
    public const int MinimumSessionsPerArm = 10;
    public const int MinimumSessionsWithClicks = 5;

    /// <summary>True when both arms have the sessions and the two arms together the sessions with clicks.</summary>
    public static bool IsEnough(ArmSummary control, ArmSummary treatment) =>
        control.Sessions >= MinimumSessionsPerArm && treatment.Sessions >= MinimumSessionsPerArm
        && control.Impressions > 0 && treatment.Impressions > 0
        && control.SessionsWithClicks + treatment.SessionsWithClicks >= MinimumSessionsWithClicks;

    /// <summary>What is missing, in words, for the verdict.</summary>
    internal static string Requirement =>
        $"a verdict needs at least {MinimumSessionsPerArm} sessions in each arm and {MinimumSessionsWithClicks} sessions with a click";
}
