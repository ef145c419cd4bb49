using CXoneRanking.Learning;

namespace CXoneRanking.Audit.Tests.Learning;

/// <summary>The contract of every fit and every suggestion, on any log, asserted in one place.</summary>
internal static class ClickModelBounds
{
    public static void AssertSound(ClickModelFit fit, SmallClickLog log)
    {
        foreach (var position in fit.Examination)
        {
            if (position.Examination is { } e) AssertProbability(e, $"examination at {position.Position}");
            else Assert.False(string.IsNullOrEmpty(position.Note), $"position {position.Position} has no examination and no reason");
        }
        foreach (var (id, clicks) in log.ClicksBySnippet())
        {
            if (fit.RelevanceOf(id) is { } r)
            {
                AssertProbability(r, $"relevance of {id}");
                if (clicks > 0) Assert.True(r > 0, $"{id} was clicked {clicks} time(s) but has relevance 0");
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(fit.RelevanceNoteOf(id)), $"{id} has no relevance and no reason");
                // A clicked snippet goes without an estimate only when nothing it was shown beside can be compared.
                if (clicks > 0) Assert.StartsWith("shown only at positions that cannot be compared", fit.RelevanceNoteOf(id));
            }
        }
        var suggestions = new BoostSuggestionCalculator { MinImpressions = 1 }.Suggest(fit);
        foreach (var s in suggestions)
        {
            Assert.InRange(s.Factor, BoostSuggestionCalculator.DefaultMinFactor, BoostSuggestionCalculator.DefaultMaxFactor);
            Assert.InRange(s.Confidence, 0.0, 1.0);
            if (s.EstimatedRelevance is null) Assert.Equal((1.0, 0.0), (s.Factor, s.Confidence));
        }
    }

    private static void AssertProbability(double value, string what) =>
        Assert.True(double.IsFinite(value) && value >= 0 && value <= 1, $"{what} is {value}");
}
