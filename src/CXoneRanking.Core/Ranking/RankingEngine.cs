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
        var inputNumber = 0;
        foreach (var rank in ranks) grouper.Add(rank, ++inputNumber);
        return grouper.RankAll(options).ToList();
    }

    /// <summary>Ranks one session's snippets: every error is collected, not only the first. Inputs are numbered from 1 in list order.</summary>
    public static SessionRanking RankSession(string sessionId, IReadOnlyList<SnippetRank> ranks, RankingOptions options)
    {
        var inputs = new List<RankInput>(ranks.Count);
        var heldBack = new List<HeldBackRow>();
        for (var i = 0; i < ranks.Count; i++)
        {
            if (ranks[i].RowError is { } rowError) heldBack.Add(new HeldBackRow(ranks[i].SnippetId ?? string.Empty, rowError));
            else inputs.Add(new RankInput(ranks[i], i + 1));
        }
        return RankSession(sessionId, inputs, heldBack, options);
    }

    internal static SessionRanking RankSession(string sessionId, IReadOnlyList<RankInput> ranks, IReadOnlyList<HeldBackRow> heldBack,
        RankingOptions options) => new SessionRanker(sessionId, options).Rank(ranks, heldBack);
}
