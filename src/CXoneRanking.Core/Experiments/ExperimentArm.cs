namespace CXoneRanking.Experiments;

/// <summary>
/// The two arms of a ranking experiment, as the audit log and the results spell them. Strings,
/// not an enum: they are the file's values, and a reader must keep working if a later module
/// writes an arm it does not know (such an arm is ignored by the analysis, never fatal).
/// </summary>
public static class ExperimentArm
{
    /// <summary>Ranked with -BoostDirective alone, as without an experiment.</summary>
    public const string Control = "Control";

    /// <summary>Ranked with -BoostDirective followed by -TreatmentDirective.</summary>
    public const string Treatment = "Treatment";

    /// <summary>The arm's canonical spelling, or null for anything else (matched in any letter case).</summary>
    public static string? Normalize(string? arm) =>
        string.Equals(arm, Control, StringComparison.OrdinalIgnoreCase) ? Control
        : string.Equals(arm, Treatment, StringComparison.OrdinalIgnoreCase) ? Treatment
        : null;
}
