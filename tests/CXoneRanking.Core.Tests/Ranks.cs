namespace CXoneRanking.Tests;

/// <summary>Terse construction of inputs for the engine tests.</summary>
internal static class Ranks
{
    public static SnippetRank Of(string id, double score, double boost = 1.0, string session = "s-1", params (string Key, string Value)[] metadata) =>
        new()
        {
            SessionId = session,
            SnippetId = id,
            RelevanceScore = score,
            BoostFactor = boost,
            Metadata = metadata.ToDictionary(m => m.Key, m => m.Value),
        };

    public static RankingOptions Options(int window = 10, OverflowMode overflow = OverflowMode.Rescale, bool normalize = false, params BoostDirective[] directives) =>
        new() { MaxResultWindow = window, Overflow = overflow, Normalize = normalize, Directives = directives };

    public static SessionRanking RankOne(RankingOptions options, params SnippetRank[] ranks) =>
        Ranking.RankingEngine.RankSession("s-1", ranks, options);
}
