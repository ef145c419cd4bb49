using CXoneRanking.Ranking;
using CXoneRanking.Rows;

namespace CXoneRanking.Tests;

/// <summary>A rank read with one metadata column keeps it without a dictionary, and behaves the same.</summary>
public sealed class SingleEntryMetadataTests
{
    private static SnippetRank ReadOneColumn() =>
        new SnippetRowReader(["category"]).Read([new("Id", "a"), new("Score", "0.5"), new("session_id", "s"), new("Category", "billing")], 1).Rank!;

    [Fact]
    public void Matches_directives_case_insensitively_and_reaches_the_wire()
    {
        var result = RankingEngine.RankSession("s", [ReadOneColumn()], new RankingOptions { Directives = [BoostDirective.Boost("CATEGORY", "Bill*", 1.5)] });

        var snippet = Assert.Single(result.Payload!.Snippets);
        Assert.Equal(1.5, snippet.BoostFactor);
        Assert.Equal("billing", snippet.Metadata["category"]);
        Assert.Contains("\"metadata\":{\"Category\":\"billing\"}", result.Payload.ToJson());
    }

    [Fact]
    public void The_public_dictionary_holds_the_entry_and_takes_changes()
    {
        var rank = ReadOneColumn();
        Assert.Equal("billing", rank.Metadata["CATEGORY"]);

        rank.Metadata["tier"] = "gold";
        var result = RankingEngine.RankSession("s", [rank], new RankingOptions());

        Assert.Equal(["Category", "tier"], result.Payload!.Snippets[0].Metadata.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }
}
