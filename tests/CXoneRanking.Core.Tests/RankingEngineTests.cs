using CXoneRanking.Ranking;

namespace CXoneRanking.Tests;

public sealed class RankingEngineTests
{
    [Fact]
    public void Tutorial_example_rescales_instead_of_crashing_on_a_boost_over_one()
    {
        // docs/design.md#tutorial-bugs-not-reproduced: the tutorial rebuilt a SnippetRank from 0.92 x 1.2 = 1.104 and its validator threw.
        var result = Ranks.RankOne(Ranks.Options(window: 15),
            Ranks.Of("KB-001", 0.92, 1.2), Ranks.Of("KB-002", 0.85, 1.0), Ranks.Of("KB-003", 0.78, 1.1),
            Ranks.Of("KB-004", 0.65, 0.9), Ranks.Of("KB-005", 0.55, 1.0));

        Assert.True(result.IsValid);
        var snippets = result.Payload!.Snippets;
        Assert.Equal(["KB-001", "KB-003", "KB-002", "KB-004", "KB-005"], snippets.Select(s => s.SnippetId));
        Assert.Equal(1.0, snippets[0].Score);
        Assert.Equal(Math.Round(0.78 * 1.1 / 1.104, 4), snippets[1].Score);
        Assert.Equal("0.92 x boost 1.2 = 1.104; rescaled /1.104 = 1.0", snippets[0].Explanation);
        Assert.Equal([1, 2, 3, 4, 5], snippets.Select(s => s.Position));
    }

    [Theory]
    [InlineData(60, 10, 10)]
    [InlineData(60, 50, 50)]
    [InlineData(60, 1, 1)]
    [InlineData(7, 10, 7)]
    public void Truncates_to_the_window_not_to_fifty(int count, int window, int expected)
    {
        var ranks = Enumerable.Range(0, count).Select(i => Ranks.Of($"KB-{i:D3}", i / 100.0)).ToArray();
        var result = Ranks.RankOne(Ranks.Options(window), ranks);

        Assert.Equal(expected, result.Payload!.Snippets.Count);
        Assert.Equal(window, result.Payload.MaxResultWindow);
        Assert.Equal($"KB-{count - 1:D3}", result.Payload.Snippets[0].SnippetId);
        Assert.Equal(count > window, result.Warnings.Any(w => w.Code == RankingIssueCodes.Truncated));
    }

    [Fact]
    public void Clamp_cuts_at_one_and_warns_per_snippet()
    {
        var result = Ranks.RankOne(Ranks.Options(overflow: OverflowMode.Clamp),
            Ranks.Of("a", 0.9, 2.0), Ranks.Of("b", 0.6, 2.0), Ranks.Of("c", 0.3, 1.0));

        Assert.Equal([1.0, 1.0, 0.3], result.Payload!.Snippets.Select(s => s.Score));
        Assert.Equal(["a", "b", "c"], result.Payload.Snippets.Select(s => s.SnippetId));
        Assert.Equal(2, result.Warnings.Count(w => w.Code == RankingIssueCodes.Clamped));
        Assert.EndsWith("; clamped = 1.0", result.Payload.Snippets[0].Explanation);
    }

    [Fact]
    public void Overflow_error_refuses_the_payload_and_names_each_snippet()
    {
        var result = Ranks.RankOne(Ranks.Options(overflow: OverflowMode.Error),
            Ranks.Of("a", 0.9, 2.0), Ranks.Of("b", 0.6, 2.0), Ranks.Of("c", 0.3, 1.0));

        Assert.False(result.IsValid);
        Assert.Null(result.Payload);
        Assert.Equal(["a", "b"], result.Errors.Where(e => e.Code == RankingIssueCodes.ScoreOverflow).Select(e => e.SnippetId));
    }

    [Fact]
    public void Duplicate_ids_are_an_error_naming_the_id_and_both_inputs()
    {
        var result = Ranks.RankOne(Ranks.Options(), Ranks.Of("KB-1", 0.9), Ranks.Of("KB-2", 0.5), Ranks.Of("KB-1", 0.4, 1.5));

        var error = Assert.Single(result.Errors);
        Assert.Equal(RankingIssueCodes.DuplicateSnippetId, error.Code);
        Assert.Equal("KB-1", error.SnippetId);
        Assert.Contains("input 1 (relevance 0.9, boost 1)", error.Message);
        Assert.Contains("input 3 (relevance 0.4, boost 1.5)", error.Message);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var result = Ranks.RankOne(Ranks.Options(),
            Ranks.Of("", 0.5), Ranks.Of("ok", 1.5), Ranks.Of("x", 0.5, 0), Ranks.Of("y", double.NaN), Ranks.Of("y", 0.2));

        Assert.Equal(
            [RankingIssueCodes.InvalidSnippetId, RankingIssueCodes.InvalidRelevanceScore, RankingIssueCodes.InvalidBoostFactor,
             RankingIssueCodes.InvalidRelevanceScore, RankingIssueCodes.DuplicateSnippetId],
            result.Errors.Select(e => e.Code));
        Assert.Null(result.Payload);
    }

    [Fact]
    public void Equal_scores_rank_by_snippet_id_ordinal()
    {
        var result = Ranks.RankOne(Ranks.Options(), Ranks.Of("b", 0.5), Ranks.Of("B", 0.5), Ranks.Of("a", 0.5), Ranks.Of("c", 0.6));
        Assert.Equal(["c", "B", "a", "b"], result.Payload!.Snippets.Select(s => s.SnippetId));
    }

    [Fact]
    public void Scores_are_rounded_to_four_decimals()
    {
        var result = Ranks.RankOne(Ranks.Options(), Ranks.Of("a", 0.123456), Ranks.Of("b", 0.00005));
        Assert.Equal([0.1235, 0.0001], result.Payload!.Snippets.Select(s => s.Score));
    }

    [Fact]
    public void A_session_without_an_id_fails_with_a_hint()
    {
        var result = RankingEngine.RankSession("", [Ranks.Of("a", 0.5, session: "")], Ranks.Options());
        Assert.Equal(RankingIssueCodes.MissingSessionId, Assert.Single(result.Errors).Code);
        Assert.Contains("-SessionId", result.Errors[0].Message);
    }

    [Fact]
    public void An_empty_session_is_an_error() =>
        Assert.Equal(RankingIssueCodes.EmptyRanking, Assert.Single(Ranks.RankOne(Ranks.Options()).Errors).Code);

    [Fact]
    public void An_invalid_window_is_an_error() =>
        Assert.Contains(Ranks.RankOne(Ranks.Options(window: 51), Ranks.Of("a", 0.5)).Errors, e => e.Code == RankingIssueCodes.InvalidMaxResultWindow);

    [Fact]
    public void Rank_groups_sessions_in_first_seen_order_and_uses_the_default_session()
    {
        var results = RankingEngine.Rank(
            [Ranks.Of("a", 0.5, session: "s-2"), Ranks.Of("b", 0.5, session: "s-1"), Ranks.Of("c", 0.4, session: "s-2"), Ranks.Of("d", 0.3, session: "")],
            new RankingOptions { DefaultSessionId = "s-9" });

        Assert.Equal(["s-2", "s-1", "s-9"], results.Select(r => r.SessionId));
        Assert.Equal(["a", "c"], results[0].Payload!.Snippets.Select(s => s.SnippetId));
    }
}
