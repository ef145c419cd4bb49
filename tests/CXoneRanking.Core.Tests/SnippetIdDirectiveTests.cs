using System.Text;
using CXoneRanking.Ranking;

namespace CXoneRanking.Tests;

/// <summary>Directives over snippet ids: matching, explanations, and the JSON file both ways.</summary>
public sealed class SnippetIdDirectiveTests
{
    private static readonly SnippetRank Kb10 = Ranks.Of("KB-10", 0.5, 1.0, "s-1", ("category", "billing"));
    private static readonly SnippetRank Kb11 = Ranks.Of("KB-11", 0.5, 1.0, "s-1", ("category", "technical"));
    private static readonly SnippetRank Kb20 = Ranks.Of("KB-20", 0.6);

    private static IReadOnlyList<BoostDirective> RoundTrip(IEnumerable<BoostDirective> directives)
    {
        using var stream = new MemoryStream();
        BoostDirectiveFileWriter.Write(stream, directives);
        stream.Position = 0;
        return BoostDirectiveFile.Parse(stream, "rules.json");
    }

    [Fact]
    public void Boosts_snippets_whose_id_matches_the_pattern_case_insensitively()
    {
        var result = Ranks.RankOne(Ranks.Options(directives: [BoostDirective.BoostSnippet("kb-1*", 1.5)]), Kb10, Kb11, Kb20);
        Assert.Equal(["KB-10", "KB-11", "KB-20"], result.Payload!.Snippets.Select(s => s.SnippetId));
        Assert.Equal("0.5 x boost 1.0 x rule(id=kb-1*) 1.5 = 0.75", result.Payload.Snippets[0].Explanation);
    }

    [Fact]
    public void With_a_metadata_key_too_both_must_match()
    {
        var both = new BoostDirective { SnippetId = "KB-1*", MetadataKey = "category", Value = "bill*", Factor = 2 };
        var result = Ranks.RankOne(Ranks.Options(directives: [both]), Kb10, Kb11, Kb20);
        Assert.Equal(2.0, result.Payload!.Snippets.Single(s => s.SnippetId == "KB-10").BoostFactor);
        Assert.Equal(1.0, result.Payload.Snippets.Single(s => s.SnippetId == "KB-11").BoostFactor);
        Assert.Equal("rule(id=KB-1*, category=bill*) 2.0", both.ToString());
    }

    [Fact]
    public void Excludes_by_id_with_a_readable_warning()
    {
        var result = Ranks.RankOne(Ranks.Options(directives: [BoostDirective.ExcludingSnippet("KB-20")]), Kb10, Kb11, Kb20);
        Assert.DoesNotContain(result.Payload!.Snippets, s => s.SnippetId == "KB-20");
        Assert.Contains(result.Warnings, w => w.Message == "snippet 'KB-20' excluded by exclude(id=KB-20)");
    }

    [Fact]
    public void A_directive_needs_a_metadata_key_or_a_snippet_id()
    {
        Assert.Contains("metadata key is empty", new BoostDirective { Factor = 1.2 }.Problem());
        Assert.Null(BoostDirective.BoostSnippet("KB-1", 1.2).Problem());
        Assert.Contains("outside (0, 10]", BoostDirective.BoostSnippet("KB-1", 11).Problem());
    }

    [Fact]
    public void Reads_snippet_id_rules_in_any_name_style()
    {
        var rules = BoostDirectiveFile.Parse(new MemoryStream(Encoding.UTF8.GetBytes("""
            [ { "snippet_id": "KB-1*", "factor": 1.4 },
              { "SnippetId": "KB-9", "Exclude": true },
              { "snippetId": "KB-2", "metadata_key": "tier", "value": "gold", "factor": 0.5 } ]
            """)), "rules.json");
        Assert.Equal(["rule(id=KB-1*) 1.4", "exclude(id=KB-9)", "rule(id=KB-2, tier=gold) 0.5"], rules.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData("""[ { "factor": 1.2 } ]""", "'metadata_key' is missing (or give 'snippet_id')")]
    [InlineData("""[ { "snippet_id": "KB-1", "value": "x", "factor": 1.2 } ]""", "'value' needs a 'metadata_key'")]
    [InlineData("""[ { "snippet_id": 7, "factor": 1.2 } ]""", "'snippet_id' must be a string, found a number")]
    public void Says_where_a_snippet_id_rule_is_wrong(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<DirectiveFileException>(
            () => BoostDirectiveFile.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "rules.json")).Message);

    [Fact]
    public void Writes_a_file_that_reads_back_to_the_same_rules()
    {
        BoostDirective[] rules =
        [
            BoostDirective.Boost("category", "billing*", 1.25),
            BoostDirective.Excluding("category", "internal-*"),
            BoostDirective.BoostSnippet("KB`*1", 0.1 + 0.2),
            BoostDirective.ExcludingSnippet("KB-9"),
            new BoostDirective { SnippetId = "KB-2", MetadataKey = "tier", Value = "gold", Factor = 1.75 },
        ];
        var back = RoundTrip(rules);
        Assert.Equal(rules.Select(r => (r.SnippetId, r.MetadataKey, r.Value, r.Exclude, r.Factor)),
            back.Select(r => (r.SnippetId, r.MetadataKey, r.Value, r.Exclude, r.Factor)));
        Assert.Equal(0.1 + 0.2, back[2].Factor);
    }

    [Fact]
    public void Refuses_to_write_an_unsound_directive()
    {
        Assert.Throws<ArgumentException>(() => RoundTrip([BoostDirective.BoostSnippet("KB-1", 0)]));
    }

    [Fact]
    public void Replaces_an_existing_file_in_one_step()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cxone-rules-{Guid.NewGuid():N}.json");
        try
        {
            BoostDirectiveFileWriter.WriteFile(path, [BoostDirective.BoostSnippet("KB-1", 2)]);
            BoostDirectiveFileWriter.WriteFile(path, [BoostDirective.BoostSnippet("KB-2", 3)]);
            Assert.Equal("rule(id=KB-2) 3.0", Assert.Single(BoostDirectiveFile.Read(path)).ToString());
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "*" + Path.GetFileName(path) + "*"));
        }
        finally { File.Delete(path); }
    }
}
