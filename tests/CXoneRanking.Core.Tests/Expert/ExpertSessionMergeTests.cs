using System.Text.Json;
using CsCheck;
using CXoneRanking.Expert;

namespace CXoneRanking.Tests.Expert;

/// <summary>Several searches for one session become one rank per page, the best result kept whole.</summary>
public sealed class ExpertSessionMergeTests
{
    [Fact]
    public void A_page_two_queries_found_keeps_the_higher_rank_with_its_query_id_and_position_and_lists_both_queries()
    {
        var refund = Search(7, "refund", (101, 0.9), (102, 0.5));
        var billing = Search(8, "billing", (103, 0.8), (102, 0.7));

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
        var first = Search(1, "a", (9, 0.1), (5, 0.5));
        var second = Search(2, "b", (5, 0.5));

        var rank = ExpertSnippetRanks.From([first, second], "s", new List<string>()).Single(r => r.SnippetId == "5");

        Assert.Equal(("2", "1"), (rank.Metadata[ExpertSnippetRanks.QueryIdKey], rank.Metadata[ExpertSnippetRanks.PositionKey]));
    }

    [Fact]
    public void Any_searches_give_each_page_once_with_the_best_rank_any_search_gave_it()
    {
        var result = Gen.Select(Gen.Long[1, 12], Gen.Double[0, 1]);
        var search = result.Array[0, 8];
        search.Array[1, 4].Sample(pages =>
        {
            var searches = pages.Select((found, i) => Search(i + 1, $"q{i}", found.DistinctBy(p => p.Item1).ToArray())).ToList();

            var ranks = ExpertSnippetRanks.From(searches, "s", new List<string>());

            var best = searches.SelectMany(s => s.Results).GroupBy(r => r.PageId).ToDictionary(g => g.Key.ToString(), g => g.Max(r => r.Rank));
            Assert.Equal(best.Count, ranks.Count);
            Assert.All(ranks, r => Assert.Equal(best[r.SnippetId], r.RelevanceScore));
        });
    }

    private static string[] Queries(SnippetRank rank)
    {
        using var json = JsonDocument.Parse(rank.Metadata[ExpertSnippetRanks.QueriesKey]);
        return json.RootElement.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    private static ExpertSearch Search(long queryId, string query, params (long Page, double Rank)[] results) => new()
    {
        QueryId = queryId,
        Query = query,
        Count = results.Length,
        Results = results.Select((r, i) => new ExpertSearchResult
        {
            QueryId = queryId, Id = r.Page, PageId = r.Page, Rank = r.Rank, Position = i + 1, Title = $"page {r.Page}",
        }).ToList(),
    };
}
