using CXoneRanking.Learning;

namespace CXoneRanking.Audit.Tests.Learning;

/// <summary>Factors from a fitted model: relative to the mean, shrunk with thin evidence, within bounds.</summary>
public sealed class BoostSuggestionCalculatorTests(SyntheticLogFixture fixture) : IClassFixture<SyntheticLogFixture>
{
    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(0.9, 1.1)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.1, 10.0)]
    public void Keeps_every_factor_within_the_bounds(double min, double max)
    {
        var suggestions = new BoostSuggestionCalculator { MinImpressions = 1, MinFactor = min, MaxFactor = max }.Suggest(fixture.Fit);
        Assert.Equal(40, suggestions.Count);
        Assert.All(suggestions, s => Assert.InRange(s.Factor, min, max));
    }

    [Fact]
    public void Boosts_the_truly_best_snippets_and_demotes_the_worst()
    {
        var suggestions = new BoostSuggestionCalculator().Suggest(fixture.Fit).ToDictionary(s => s.SnippetId);
        var byTruth = Enumerable.Range(0, 40).OrderBy(i => fixture.Log.Relevance[i]).Select(SyntheticClickLog.IdOf).ToList();
        Assert.All(byTruth.TakeLast(5), id => Assert.True(suggestions[id].Factor > 1.2, $"{id} x{suggestions[id].Factor}"));
        Assert.All(byTruth.Take(5), id => Assert.True(suggestions[id].Factor < 0.8, $"{id} x{suggestions[id].Factor}"));
    }

    [Fact]
    public void Lists_highest_factor_first_with_rounded_factors_and_confidence_in_range()
    {
        var suggestions = new BoostSuggestionCalculator().Suggest(fixture.Fit);
        Assert.Equal(suggestions.OrderByDescending(s => s.Factor).Select(s => s.Factor), suggestions.Select(s => s.Factor));
        Assert.All(suggestions, s => Assert.Equal(Math.Round(s.Factor, 2), s.Factor));
        Assert.All(suggestions, s => Assert.InRange(s.Confidence, 0.5, 1.0));
    }

    [Fact]
    public void Leaves_out_snippets_below_the_minimum_of_impressions()
    {
        var most = fixture.Observations.Impressions;
        Assert.Empty(new BoostSuggestionCalculator { MinImpressions = most + 1 }.Suggest(fixture.Fit));
    }

    [Fact]
    public void Gives_factors_near_one_when_evidence_is_thin()
    {
        // The same model, but only the first 40 sessions: a handful of impressions per snippet.
        using var thin = new TempDirectory();
        new SyntheticClickLog(seed: 20261125).Write(thin.Path, sessions: 40);
        var fit = PositionBasedClickModel.Fit(ClickLogObservations.Collect(new AuditLogReader(thin.Path).ReadEntries()));
        var suggestions = new BoostSuggestionCalculator { MinImpressions = 1 }.Suggest(fit);
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.InRange(s.Factor, 0.75, 1.25));
        Assert.All(suggestions, s => Assert.True(s.Confidence < 0.25, $"{s.SnippetId} confidence {s.Confidence}"));
    }

    [Fact]
    public void Without_shrinkage_the_thin_log_would_swing_far_from_one()
    {
        using var thin = new TempDirectory();
        new SyntheticClickLog(seed: 20261125).Write(thin.Path, sessions: 40);
        var fit = PositionBasedClickModel.Fit(ClickLogObservations.Collect(new AuditLogReader(thin.Path).ReadEntries()));
        var unshrunk = new BoostSuggestionCalculator { MinImpressions = 1, PriorStrength = 0, MinFactor = 0.01, MaxFactor = 10 }.Suggest(fit);
        Assert.Contains(unshrunk, s => Math.Abs(s.Factor - 1) > 0.5);
    }

    [Theory]
    [InlineData(0, 0.5, 2.0, "minimum of impressions")]
    [InlineData(30, 0.0, 2.0, "minimum factor")]
    [InlineData(30, 1.5, 2.0, "minimum factor")]
    [InlineData(30, 0.5, 0.9, "maximum factor")]
    [InlineData(30, 0.5, 11.0, "maximum factor")]
    public void Refuses_unsound_settings(long minImpressions, double min, double max, string expected)
    {
        var calculator = new BoostSuggestionCalculator { MinImpressions = minImpressions, MinFactor = min, MaxFactor = max };
        Assert.Contains(expected, calculator.Problem());
        Assert.Throws<ArgumentException>(() => calculator.Suggest(fixture.Fit));
    }

    [Theory]
    [InlineData("KB-1", "KB-1")]
    [InlineData("KB*1?[x]`", "KB`*1`?`[x`]``")]
    public void Turns_a_suggestion_into_a_directive_for_exactly_that_snippet(string id, string pattern)
    {
        var directive = new BoostSuggestion(id, 100, 10, 0.3, 1.25, 0.9).ToDirective();
        Assert.Equal(pattern, directive.SnippetId);
        Assert.Equal(1.25, directive.Factor);
        Assert.True(directive.Matches(id, new Dictionary<string, string>()));
        Assert.False(directive.Matches(id + "0", new Dictionary<string, string>()));
    }
}
