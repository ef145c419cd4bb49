using CsCheck;
using CXoneRanking.Expert;

namespace CXoneRanking.Tests.Expert;

/// <summary>Any searches for one session: each page once, with the best rank any search gave it.</summary>
public sealed class ExpertSessionMergePropertyTests
{
    [Fact]
    public void Any_searches_give_each_page_once_with_the_best_rank_any_search_gave_it()
    {
        var result = Gen.Select(Gen.Long[1, 12], Gen.Double[0, 1]);
        var search = result.Array[0, 8];
        search.Array[1, 4].Sample(pages =>
        {
            var searches = pages.Select((found, i) => ExpertSearches.Of(i + 1, $"q{i}", found.DistinctBy(p => p.Item1).ToArray())).ToList();

            var ranks = ExpertSnippetRanks.From(searches, "s", new List<string>());

            var best = searches.SelectMany(s => s.Results).GroupBy(r => r.PageId).ToDictionary(g => g.Key.ToString(), g => g.Max(r => r.Rank));
            Assert.Equal(best.Count, ranks.Count);
            Assert.All(ranks, r => Assert.Equal(best[r.SnippetId], r.RelevanceScore));
        });
    }

}
