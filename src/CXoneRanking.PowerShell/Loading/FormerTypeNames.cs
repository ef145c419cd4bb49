namespace CXoneRanking.PowerShell.Loading;

/// <summary>
/// The full names public types had before every type a cmdlet emits or takes moved into the
/// CXoneRanking namespace (docs/design.md, "Names"). Registered as type accelerators beside the
/// new names so that scripts writing <c>[CXoneRanking.Expert.ExpertConnection]</c> keep working for
/// the 0.x releases; remove an entry when its release note's grace period ends.
/// </summary>
internal static class FormerTypeNames
{
    /// <summary>Former full name to current full name.</summary>
    public static readonly IReadOnlyDictionary<string, string> ToCurrent = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CXoneRanking.Expert.ExpertConnection"] = "CXoneRanking.ExpertConnection",
        ["CXoneRanking.Expert.ExpertImportSummary"] = "CXoneRanking.ExpertImportSummary",
        ["CXoneRanking.Experiments.RankingExperimentResult"] = "CXoneRanking.RankingExperimentResult",
    };
}
