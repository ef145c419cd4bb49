using CXoneRanking.Ranking;

namespace CXoneRanking.Tests;

public sealed class DirectiveTests
{
    private static readonly SnippetRank Billing = Ranks.Of("KB-1", 0.5, 1.0, "s-1", ("category", "Billing-Disputes"));
    private static readonly SnippetRank Tech = Ranks.Of("KB-2", 0.6, 1.0, "s-1", ("category", "technical"));
    private static readonly SnippetRank Bare = Ranks.Of("KB-3", 0.4);

    [Fact]
    public void Boost_rules_multiply_the_factor_of_matching_snippets_with_case_insensitive_wildcards()
    {
        var result = Ranks.RankOne(Ranks.Options(directives: [BoostDirective.Boost("CATEGORY", "billing*", 1.5), BoostDirective.Boost("category", "bill?ng-*", 1.2)]),
            Billing, Tech, Bare);

        var kb1 = result.Payload!.Snippets.Single(s => s.SnippetId == "KB-1");
        Assert.Equal(1.8, kb1.BoostFactor, 10);
        Assert.Equal(0.9, kb1.Score);
        Assert.Equal("0.5 x boost 1.0 x rule(CATEGORY=billing*) 1.5 x rule(category=bill?ng-*) 1.2 = 0.9", kb1.Explanation);
        Assert.Equal(1.0, result.Payload.Snippets.Single(s => s.SnippetId == "KB-2").BoostFactor);
    }

    [Fact]
    public void Exclude_rules_drop_matching_snippets_with_a_warning()
    {
        var result = Ranks.RankOne(Ranks.Options(directives: [BoostDirective.Excluding("category", "tech*"), BoostDirective.Boost("category", "tech*", 2)]),
            Billing, Tech, Bare);

        Assert.Equal(["KB-1", "KB-3"], result.Payload!.Snippets.Select(s => s.SnippetId));
        Assert.Equal("KB-2", Assert.Single(result.Warnings, w => w.Code == RankingIssueCodes.Excluded).SnippetId);
    }

    [Fact]
    public void Excluding_everything_is_an_error()
    {
        var result = Ranks.RankOne(Ranks.Options(directives: [BoostDirective.Excluding("category", "*")]), Billing, Tech);
        Assert.Equal(RankingIssueCodes.EmptyRanking, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Snippets_without_the_key_never_match_even_a_star()
    {
        var result = Ranks.RankOne(Ranks.Options(directives: [BoostDirective.Excluding("category", "*")]), Billing, Bare);
        Assert.Equal(["KB-3"], result.Payload!.Snippets.Select(s => s.SnippetId));
    }

    [Fact]
    public void The_total_boost_is_capped_at_ten_with_a_warning()
    {
        var result = Ranks.RankOne(Ranks.Options(directives: [BoostDirective.Boost("category", "*", 8)]), Ranks.Of("a", 0.1, 5, "s-1", ("category", "x")));
        var snippet = Assert.Single(result.Payload!.Snippets);
        Assert.Equal(10, snippet.BoostFactor);
        Assert.Equal(1.0, snippet.Score);
        Assert.Contains(result.Warnings, w => w.Code == RankingIssueCodes.BoostCapped);
    }

    [Fact]
    public void A_bad_directive_is_an_error_in_every_session()
    {
        var result = Ranks.RankOne(Ranks.Options(directives: [BoostDirective.Boost("category", "x", 11)]), Billing);
        Assert.Equal(RankingIssueCodes.InvalidDirective, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("billing", "BILLING", true)]
    [InlineData("bill*", "billing", true)]
    [InlineData("*ing", "billing", true)]
    [InlineData("b?lling", "bxlling", true)]
    [InlineData("[a-c]illing", "billing", true)]
    [InlineData("[a-c]illing", "dilling", false)]
    [InlineData("bill", "billing", false)]
    [InlineData("a`*b", "a*b", true)]
    [InlineData("a`*b", "axb", false)]
    [InlineData("a.b", "axb", false)]
    [InlineData("(x)+", "(x)+", true)]
    [InlineData("", "", true)]
    public void Wildcards_follow_PowerShell(string pattern, string input, bool expected) =>
        Assert.Equal(expected, new WildcardMatcher(pattern).IsMatch(input));
}
