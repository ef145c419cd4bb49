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

    // PowerShell's member access ($m.category) and ConvertTo-Json adapt a non-generic IDictionary: a ranked
    // snippet's metadata must be one whatever its count of keys (issue: one key read as $null).
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_ranked_snippets_metadata_is_a_read_only_IDictionary_whatever_its_count(int keys)
    {
        var reader = new SnippetRowReader(new[] { "category", "tier" }.Take(keys));
        var rank = reader.Read([new("Id", "a"), new("Score", "0.5"), new("session_id", "s"), new("Category", "billing"), new("tier", "gold")], 1).Rank!;

        var metadata = RankingEngine.RankSession("s", [rank], new RankingOptions()).Payload!.Snippets[0].Metadata;

        var dictionary = Assert.IsAssignableFrom<System.Collections.IDictionary>(metadata);
        Assert.Equal(keys, dictionary.Count);
        Assert.Equal(keys > 0, dictionary.Contains("CATEGORY"));
        if (keys > 0) Assert.Equal("billing", dictionary["CATEGORY"]);
        // What PowerShell's member access uses: Contains, then the indexer (a missing key's indexer
        // throws on .NET Framework's ReadOnlyDictionary, so PowerShell never asks it).
        Assert.False(dictionary.Contains("missing"));
        Assert.Equal(keys, dictionary.Keys.Count);
        var entries = new List<System.Collections.DictionaryEntry>();
        for (var entry = dictionary.GetEnumerator(); entry.MoveNext();) entries.Add(entry.Entry);
        Assert.Equal(keys, entries.Count);
    }

    [Fact]
    public void The_single_entry_view_refuses_changes()
    {
        var metadata = (System.Collections.IDictionary)RankingEngine.RankSession("s", [ReadOneColumn()], new RankingOptions())
            .Payload!.Snippets[0].Metadata;

        Assert.True(metadata.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => metadata["tier"] = "gold");
    }
}
