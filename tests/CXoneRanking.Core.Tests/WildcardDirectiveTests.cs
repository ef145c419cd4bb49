using System.Text;
using CXoneRanking.Ranking;

namespace CXoneRanking.Tests;

/// <summary>An invalid wildcard is a problem of the directive, found when it is made or read, never while ranking.</summary>
public sealed class WildcardDirectiveTests
{
    [Fact]
    public void An_invalid_value_pattern_is_the_directives_problem()
    {
        var directive = BoostDirective.Boost("category", "bill[ing", 1.5);
        Assert.Equal("value 'bill[ing' is not a valid wildcard pattern: the '[' at position 5 has no closing ']' (write `[ for a literal [)",
            directive.Problem());
    }

    [Fact]
    public void An_invalid_snippet_id_pattern_is_the_directives_problem() =>
        Assert.Equal("snippet id 'KB-[9-1]' is not a valid wildcard pattern: the range '9-1' runs backwards (write '1-9')",
            BoostDirective.ExcludingSnippet("KB-[9-1]").Problem());

    [Fact]
    public void Correcting_the_pattern_clears_the_problem()
    {
        var directive = BoostDirective.Boost("category", "bill[ing", 1.5);
        directive.Value = "bill`[ing";
        Assert.Null(directive.Problem());
        Assert.True(directive.Matches(new Dictionary<string, string> { ["category"] = "BILL[ING" }));
    }

    [Fact]
    public void The_ranker_reports_it_as_an_invalid_directive_and_ranks_the_rest()
    {
        var snippet = Ranks.Of("KB-1", 0.5, 1.0, "s-1", ("category", "["));
        var result = Ranks.RankOne(Ranks.Options(directives: BoostDirective.Excluding("category", "[")), snippet);
        Assert.Equal(RankingIssueCodes.InvalidDirective, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void A_directive_file_names_the_rule_with_the_invalid_pattern()
    {
        var json = """[{ "metadata_key": "category", "value": "billing" , "factor": 1.2 }, { "snippet_id": "KB-[", "exclude": true }]""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var error = Assert.Throws<DirectiveFileException>(() => BoostDirectiveFile.Parse(stream, "rules.json"));
        Assert.StartsWith("rules.json: rule 2 ($[1]): snippet id 'KB-[' is not a valid wildcard pattern", error.Message);
    }

    [Fact]
    public void Escaped_suggestions_are_always_valid_patterns()
    {
        var directive = BoostDirective.BoostSnippet(BoostSuggestion.EscapeWildcards("KB-[1]*?`"), 1.2);
        Assert.Null(directive.Problem());
        Assert.True(directive.Matches("kb-[1]*?`", new Dictionary<string, string>()));
        Assert.False(directive.Matches("KB-1", new Dictionary<string, string>()));
    }
}
