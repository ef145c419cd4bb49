using CXoneRanking.Learning;

namespace CXoneRanking.Audit.Tests.Learning;

/// <summary>The click model against the known truth of a synthetic log from a biased ranker.</summary>
public sealed class PositionBasedClickModelTests(SyntheticLogFixture fixture) : IClassFixture<SyntheticLogFixture>
{
    private readonly SyntheticClickLog _log = fixture.Log;

    [Fact]
    public void Reads_every_impression_and_click_of_the_written_log()
    {
        Assert.Equal(20_000, fixture.Observations.Submissions);
        Assert.Equal(200_000, fixture.Observations.Impressions);
        Assert.True(fixture.Observations.Clicks > 10_000);
        Assert.Equal(0, fixture.Observations.ClicksWithoutRanking + fixture.Observations.ClicksNotShown + fixture.Observations.RepeatedClicks);
    }

    [Fact]
    public void Converges()
    {
        Assert.True(fixture.Fit.Converged, $"EM stopped after {fixture.Fit.Iterations} iterations");
    }

    [Fact]
    public void Recovers_the_examination_curve_within_five_hundredths()
    {
        var curve = fixture.Fit.Examination;
        Assert.Equal(SyntheticClickLog.TrueExamination.Length, curve.Count);
        foreach (var position in curve)
        {
            var truth = SyntheticClickLog.TrueExamination[position.Position - 1];
            Assert.InRange(position.Examination!.Value, truth - 0.05, truth + 0.05);
        }
        Assert.Equal(1.0, curve[0].Examination!.Value, 9);
        Assert.All(curve, p => Assert.Null(p.Note));
    }

    [Fact]
    public void Orders_snippets_closer_to_the_truth_than_raw_click_through()
    {
        var ids = Enumerable.Range(0, _log.Relevance.Length).Select(SyntheticClickLog.IdOf).ToList();
        var suggestions = new BoostSuggestionCalculator { MinImpressions = 1 }.Suggest(fixture.Fit).ToDictionary(s => s.SnippetId);
        var truth = _log.Relevance;
        var estimated = ids.Select(id => suggestions[id].EstimatedRelevance!.Value).ToList();
        var rawRate = ids.Select(id => suggestions[id].ClickThroughRate).ToList();

        var tauModel = KendallTau.Between(truth, estimated);
        var tauRaw = KendallTau.Between(truth, rawRate);
        Assert.True(tauModel > tauRaw + 0.1, $"tau(model) {tauModel:0.000} should beat tau(raw CTR) {tauRaw:0.000} clearly");
        // 0.977 with the Beta prior of ClickModelPrior: two pseudo-impressions do not blur 5,000 real ones.
        Assert.True(tauModel > 0.95, $"tau(model) {tauModel:0.000}");
    }

    [Fact]
    public void Estimates_relevance_on_the_scale_of_the_truth()
    {
        for (var i = 0; i < _log.Relevance.Length; i++)
            Assert.InRange(fixture.Fit.RelevanceOf(SyntheticClickLog.IdOf(i))!.Value, _log.Relevance[i] - 0.06, _log.Relevance[i] + 0.06);
    }

    [Fact]
    public void Demotes_the_promoted_mediocre_snippets_below_their_raw_click_through()
    {
        var suggestions = new BoostSuggestionCalculator { MinImpressions = 1 }.Suggest(fixture.Fit).ToDictionary(s => s.SnippetId);
        var meanRate = suggestions.Values.Average(s => s.ClickThroughRate);
        var meanRelevance = suggestions.Values.Average(s => s.EstimatedRelevance!.Value);
        foreach (var promoted in _log.Promoted.Select(SyntheticClickLog.IdOf))
            Assert.True(suggestions[promoted].EstimatedRelevance!.Value / meanRelevance < suggestions[promoted].ClickThroughRate / meanRate,
                $"{promoted} should look worse once position is accounted for");
    }

    [Fact]
    public void Gives_the_same_result_for_the_same_log()
    {
        var again = PositionBasedClickModel.Fit(ClickLogObservations.Collect(new AuditLogReader(fixture.Directory).ReadEntries()));
        Assert.Equal(fixture.Fit.Iterations, again.Iterations);
        Assert.Equal(fixture.Fit.Examination.Select(p => p.Examination), again.Examination.Select(p => p.Examination));
    }

    [Fact]
    public void Stops_at_the_iteration_cap_and_says_so()
    {
        var capped = PositionBasedClickModel.Fit(fixture.Observations, maxIterations: 2);
        Assert.Equal(2, capped.Iterations);
        Assert.False(capped.Converged);
    }

    [Fact]
    public void Fits_an_empty_log_to_nothing()
    {
        var fit = PositionBasedClickModel.Fit(ClickLogObservations.Collect([]));
        Assert.Empty(fit.Examination);
        Assert.Empty(new BoostSuggestionCalculator().Suggest(fit));
    }
}
