using CXoneRanking.Ranks;

namespace CXoneRanking.Ranking;

/// <summary>
/// The ranking rules (docs/design.md#ranking-rules) as a pure function: ranks and options in, one validated payload per session out.
/// The result does not depend on the order of the input within a session.
/// </summary>
public static class RankingEngine
{
    /// <summary>Groups ranks by session (first-seen order) and ranks each session on its own.</summary>
    public static IReadOnlyList<SessionRanking> Rank(IEnumerable<SnippetRank> ranks, RankingOptions options)
    {
        var grouper = new SessionGrouper(options.DefaultSessionId);
        foreach (var rank in ranks) grouper.Add(rank);
        return grouper.RankAll(options).ToList();
    }

    /// <summary>Ranks one session's snippets: every error is collected, not only the first.</summary>
    public static SessionRanking RankSession(string sessionId, IReadOnlyList<SnippetRank> ranks, RankingOptions options) =>
        RankSession(sessionId, ranks.Select(rank => new RankInput(rank)).ToList(), options);

    internal static SessionRanking RankSession(string sessionId, IReadOnlyList<RankInput> ranks, RankingOptions options) =>
        new SessionRanker(sessionId, options).Rank(ranks);
}
