namespace CXoneRanking.Tests;

public sealed class NormalizationTests
{
    [Fact]
    public void Normalize_scales_min_to_zero_and_max_to_one_before_boosts()
    {
        var result = Ranks.RankOne(Ranks.Options(normalize: true), Ranks.Of("a", 0.2), Ranks.Of("b", 0.4, 1.5), Ranks.Of("c", 0.6));

        Assert.Equal(["c", "b", "a"], result.Payload!.Snippets.Select(s => s.SnippetId));
        Assert.Equal([1.0, 0.75, 0.0], result.Payload.Snippets.Select(s => s.Score));
        Assert.Equal("normalized 0.4 -> 0.5; 0.5 x boost 1.5 = 0.75", result.Payload.Snippets[1].Explanation);
        Assert.Equal(0.4, result.Payload.Snippets[1].RelevanceScore);
    }

    [Fact]
    public void Equal_scores_normalize_to_one_with_a_warning()
    {
        var result = Ranks.RankOne(Ranks.Options(normalize: true), Ranks.Of("a", 0.3), Ranks.Of("b", 0.3));
        Assert.All(result.Payload!.Snippets, s => Assert.Equal(1.0, s.Score));
        Assert.Contains(result.Warnings, w => w.Code == RankingIssueCodes.UniformScores);
    }

    [Fact]
    public void Normalization_is_off_by_default()
    {
        var result = Ranks.RankOne(Ranks.Options(), Ranks.Of("a", 0.2), Ranks.Of("b", 0.6));
        Assert.Equal([0.6, 0.2], result.Payload!.Snippets.Select(s => s.Score));
    }
}
