using System.Text.Json;
using CXoneRanking.Expert;

namespace CXoneRanking.Tests.Expert;

/// <summary>Several searches for one session become one rank per page, the best result kept whole.</summary>
public sealed class ExpertSessionMergeTests
{
    [Fact]
    public void A_page_two_queries_found_keeps_the_higher_rank_with_its_query_id_and_position_and_lists_both_queries()
    {
        var refund = ExpertSearches.Of(7, "refund", (101, 0.9), (102, 0.5));
        var billing = ExpertSearches.Of(8, "billing", (103, 0.8), (102, 0.7));

        var ranks = ExpertSnippetRanks.From([refund, billing], "call-7", new List<string>());

        Assert.Equal(["101", "102", "103"], ranks.Select(r => r.SnippetId));
        var merged = ranks[1];
        Assert.Equal(0.7, merged.RelevanceScore);
        Assert.Equal(("8", "2", "0.7"), (merged.Metadata[ExpertSnippetRanks.QueryIdKey], merged.Metadata[ExpertSnippetRanks.PositionKey],
            merged.Metadata[ExpertSnippetRanks.RankKey]));
        Assert.Equal(["refund", "billing"], Queries(merged));
        Assert.Equal(["refund"], Queries(ranks[0]));
    }

    [Fact]
    public void Equal_ranks_keep_the_better_position()
    {
        var first = ExpertSearches.Of(1, "a", (9, 0.1), (5, 0.5));
        var second = ExpertSearches.Of(2, "b", (5, 0.5));

        var rank = ExpertSnippetRanks.From([first, second], "s", new List<string>()).Single(r => r.SnippetId == "5");

        Assert.Equal(("2", "1"), (rank.Metadata[ExpertSnippetRanks.QueryIdKey], rank.Metadata[ExpertSnippetRanks.PositionKey]));
    }

    private static string[] Queries(SnippetRank rank)
    {
        using var json = JsonDocument.Parse(rank.Metadata[ExpertSnippetRanks.QueriesKey]);
        return json.RootElement.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
