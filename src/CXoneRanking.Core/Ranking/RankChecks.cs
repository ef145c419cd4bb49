using CXoneRanking.Ranks;

namespace CXoneRanking.Ranking;

/// <summary>
/// The checks of one rank's values, each with its issue code: the one list of them, which the row
/// reader and the engine share so that both refuse the same ranks with the same codes and words.
/// They run at two points on purpose (docs/design.md#cmdlets-and-the-pipeline): the row reader runs
/// them on each piped row, so the error names the row's input number and the pipeline goes on; the
/// engine runs them on every rank it ranks, because a <see cref="SnippetRank"/> is a public,
/// mutable object (built in code, or changed after it was read, its metadata dictionary even after
/// it was piped on) and a payload must never carry a value the assist engine refuses. Skipping the
/// engine's run for ranks the reader made was weighed and left out: that last case would slip by.
/// </summary>
internal static class RankChecks
{
    public static RankProblem? SnippetId(string? id) =>
        SnippetRules.SnippetIdProblem(id) is { } problem ? new RankProblem(RankingIssueCodes.InvalidSnippetId, problem) : null;

    public static RankProblem? Relevance(double score) =>
        SnippetRules.RelevanceProblem(score) is { } problem ? new RankProblem(RankingIssueCodes.InvalidRelevanceScore, problem) : null;

    public static RankProblem? Boost(double factor) =>
        SnippetRules.BoostProblem(factor) is { } problem ? new RankProblem(RankingIssueCodes.InvalidBoostFactor, problem) : null;

    public static RankProblem? Metadata(Dictionary<string, string>? metadata) =>
        SnippetRules.MetadataProblem(metadata) is { } problem ? new RankProblem(RankingIssueCodes.InvalidMetadata, problem) : null;

    /// <summary>Adds every problem of a kept rank, in the order the reader finds them: id, relevance, boost, metadata.</summary>
    public static void FindAll(in RankInput rank, List<RankProblem> problems)
    {
        if (SnippetId(rank.SnippetId) is { } id) problems.Add(id);
        if (Relevance(rank.RelevanceScore) is { } relevance) problems.Add(relevance);
        if (Boost(rank.BoostFactor) is { } boost) problems.Add(boost);
        // Metadata kept as a single entry was made by the reader after this check and cannot change: only a dictionary is looked at.
        if (Metadata(rank.Metadata.DictionaryOrNull) is { } metadata) problems.Add(metadata);
    }
}

/// <summary>What is wrong with one of a rank's values: its issue code, and the problem in words.</summary>
internal readonly struct RankProblem(string code, string text)
{
    public string Code { get; } = code;
    public string Text { get; } = text;
}
