using CXoneRanking.Learning;

namespace CXoneRanking.Audit.Tests.Learning;

/// <summary>
/// The click model on logs too small or too one-sided to learn much from: every value stays a
/// probability or is left out with a reason, a clicked snippet never gets relevance 0, factors
/// without evidence stay at 1, and EM settles.
/// </summary>
public sealed class DegenerateClickLogTests
{
    [Fact]
    public void The_field_report_log_gives_probabilities_and_settles()
    {
        var log = SmallClickLog.FixedOrderReproduction();
        var fit = log.Fit();
        ClickModelBounds.AssertSound(fit, log);
        Assert.True(fit.Converged, $"EM ran {fit.Iterations} iterations");
        Assert.Equal(2, fit.ReferencePosition);
        // Each snippet always at the same position: position 3 can never be told apart from KB-3.
        var curve = fit.Examination.ToDictionary(p => p.Position);
        Assert.Equal((1.0, "the reference: position 1 has no clicks"), (curve[2].Examination, curve[2].Note));
        Assert.Equal((null, "no clicks at this position"), (curve[1].Examination, curve[1].Note));
        Assert.Equal((null, "shares no snippet with position 2: cannot be compared"), (curve[3].Examination, curve[3].Note));
        Assert.InRange(fit.RelevanceOf("KB-2")!.Value, 0.05, 0.5);
        var factors = new BoostSuggestionCalculator { MinImpressions = 1 }.Suggest(fit);
        Assert.All(factors, s => Assert.Equal(1.0, s.Factor));
    }

    [Fact]
    public void Without_a_click_at_position_1_examination_is_relative_to_the_first_position_with_one()
    {
        var log = SmallClickLog.RotatedReproduction();
        var fit = log.Fit();
        ClickModelBounds.AssertSound(fit, log);
        Assert.True(fit.Converged, $"EM ran {fit.Iterations} iterations");
        var curve = fit.Examination.ToDictionary(p => p.Position);
        Assert.Equal(1.0, curve[2].Examination);
        Assert.InRange(curve[3].Examination!.Value, 0.05, 1.0);
        Assert.Equal("relative to position 2: position 1 has no clicks", curve[3].Note);
        Assert.Null(curve[1].Examination);
        Assert.All(new[] { "KB-2", "KB-1" }, id => Assert.True(fit.RelevanceOf(id) > 0.05, $"{id} {fit.RelevanceOf(id)}"));
    }

    [Fact]
    public void Without_any_click_nothing_is_estimated_and_every_factor_is_1()
    {
        var log = new SmallClickLog();
        for (var s = 0; s < 50; s++) log.Show("KB-1", "KB-2", "KB-3");
        var fit = log.Fit();
        ClickModelBounds.AssertSound(fit, log);
        Assert.Equal((true, 0, (int?)null), (fit.Converged, fit.Iterations, fit.ReferencePosition));
        Assert.All(fit.Examination, p => Assert.Equal((null, "no clicks in the log"), (p.Examination, p.Note)));
        var suggestions = new BoostSuggestionCalculator { MinImpressions = 1 }.Suggest(fit);
        Assert.All(suggestions, s => Assert.Equal((null, 1.0), (s.EstimatedRelevance, s.Factor)));
    }

    [Fact]
    public void One_click_in_a_varied_log_leaves_every_factor_at_1()
    {
        var log = new SmallClickLog();
        for (var s = 0; s < 12; s++) log.Show(s % 2 == 0 ? ["KB-1", "KB-2", "KB-3"] : ["KB-3", "KB-1", "KB-2"]);
        log.Click(4, 3);
        var fit = log.Fit();
        ClickModelBounds.AssertSound(fit, log);
        Assert.True(fit.Converged);
        Assert.Equal(3, fit.ReferencePosition);
        Assert.All(new BoostSuggestionCalculator { MinImpressions = 1 }.Suggest(fit), s => Assert.Equal(1.0, s.Factor));
    }

    [Fact]
    public void Every_click_at_one_position_makes_it_the_reference_and_hides_the_positions_without_clicks()
    {
        var log = new SmallClickLog();
        string[] ids = ["KB-1", "KB-2", "KB-3", "KB-4"];
        for (var s = 0; s < 40; s++) log.Show([.. ids.Skip(s % 4), .. ids.Take(s % 4)]);
        for (var s = 0; s < 40; s += 3) log.Click(s, 2);
        var fit = log.Fit();
        ClickModelBounds.AssertSound(fit, log);
        Assert.True(fit.Converged, $"EM ran {fit.Iterations} iterations");
        Assert.Equal([null, 1.0, null, null], fit.Examination.Select(p => p.Examination));
        Assert.All(ids, id => Assert.NotNull(fit.RelevanceOf(id)));
    }

    [Fact]
    public void One_snippet_only_gets_its_click_through_under_the_prior()
    {
        var log = new SmallClickLog();
        for (var s = 0; s < 20; s++) log.Show("KB-1");
        for (var s = 0; s < 5; s++) log.Click(s, 1);
        var fit = log.Fit();
        ClickModelBounds.AssertSound(fit, log);
        Assert.True(fit.Converged);
        // Position 1 is looked at by definition, so relevance is the click-through with one pseudo-click and one pseudo-miss.
        Assert.Equal((5 + 1) / 22.0, fit.RelevanceOf("KB-1")!.Value, 9);
        Assert.Equal(1.0, Assert.Single(new BoostSuggestionCalculator { MinImpressions = 1 }.Suggest(fit)).Factor);
    }

    [Fact]
    public void A_single_session_estimates_only_the_clicked_snippet()
    {
        var log = new SmallClickLog();
        log.Show("KB-1", "KB-2", "KB-3", "KB-4", "KB-5");
        log.Click(0, 2);
        var fit = log.Fit();
        ClickModelBounds.AssertSound(fit, log);
        Assert.True(fit.Converged);
        Assert.Equal(2 / 3.0, fit.RelevanceOf("KB-2")!.Value, 9);
        Assert.All(new[] { "KB-1", "KB-3", "KB-4", "KB-5" }, id => Assert.Null(fit.RelevanceOf(id)));
        Assert.All(new BoostSuggestionCalculator { MinImpressions = 1 }.Suggest(fit), s => Assert.Equal(1.0, s.Factor));
    }

    [Fact]
    public void A_never_clicked_snippet_looked_at_often_enough_is_estimated_low_and_demoted()
    {
        var log = new SmallClickLog();
        for (var s = 0; s < 60; s++) log.Show(s % 2 == 0 ? ["KB-1", "KB-9"] : ["KB-9", "KB-1"]);
        for (var s = 0; s < 60; s += 2) log.Click(s, 1);
        var fit = log.Fit();
        ClickModelBounds.AssertSound(fit, log);
        Assert.True(fit.RelevanceOf("KB-9") < 0.1, $"KB-9 {fit.RelevanceOf("KB-9")}");
        var factors = new BoostSuggestionCalculator { MinImpressions = 1 }.Suggest(fit).ToDictionary(s => s.SnippetId);
        Assert.True(factors["KB-9"].Factor < 1 && factors["KB-1"].Factor > 1, $"KB-9 x{factors["KB-9"].Factor}, KB-1 x{factors["KB-1"].Factor}");
    }
}
