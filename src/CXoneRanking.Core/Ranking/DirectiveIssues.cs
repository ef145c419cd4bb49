namespace CXoneRanking.Ranking;

/// <summary>
/// The InvalidDirective issues of a rule set, worded once: the engine reports them for every session it ranks
/// (Test-RankingPayload), and Measure-RankingChange reports them for a proposal before it reads the log.
/// </summary>
internal static class DirectiveIssues
{
    public static IEnumerable<RankingIssue> Find(IEnumerable<BoostDirective> directives)
    {
        foreach (var directive in directives)
            if (directive.Problem() is { } problem)
                yield return new RankingIssue(RankingIssueCodes.InvalidDirective, $"directive {directive}: {problem}");
    }
}
