using CXoneRanking.WhatIf;

namespace CXoneRanking.Tests.WhatIf;

/// <summary>RankingChangeEstimator through its public surface: degenerate input, the verdict's thresholds, the result's members.</summary>
public sealed class RankingChangeEstimatorTests
{
    private static readonly WhatIfSettings Quick = new() { Resamples = 50 };

    [Fact]
    public void Empty_input_gives_zero_sessions_and_cannot_tell()
    {
        var estimate = RankingChangeEstimator.Estimate([], Quick);

        Assert.Equal(0, estimate.Sessions);
        Assert.Equal(0, estimate.Showings);
        Assert.StartsWith("Cannot tell", estimate.Verdict);
        Assert.Null(estimate.LoggedClickThroughRate);
        Assert.Null(estimate.EstimatedClickThroughRate);
        Assert.Null(estimate.Coverage);
        Assert.Empty(estimate.Moved);
    }

    [Fact]
    public void A_log_without_clicks_cannot_tell_but_keeps_the_observed_figures()
    {
        var estimate = RankingChangeEstimator.Estimate(Showings.Log(500, Showings.Best, clicks: false), Quick);

        Assert.StartsWith("Cannot tell: the log has no click", estimate.Verdict);
        Assert.Equal(500, estimate.Sessions);
        Assert.Equal(3000, estimate.LoggedImpressions);
        Assert.Equal(0.0, estimate.LoggedClickThroughRate);
        Assert.Equal(0.0, estimate.LoggedMeanReciprocalRank);
        Assert.Null(estimate.EstimatedClickThroughRate);
        Assert.Equal(0.0, estimate.Coverage);
    }

    [Fact]
    public void Counts_sessions_showings_impressions_and_clicks_as_the_module_does()
    {
        var showings = new List<WhatIfShowing>
        {
            Showings.Of("s-1", ["A", "B", "C"], ["B", "A", "C"], 2, 3),
            Showings.Of("s-1", ["A", "B"], ["A", "B"]),
            new() { SessionId = "s-2", Logged = ["C", "A"], Proposed = ["A"], ClickedPositions = [1, 1], FirstClickPosition = 1, Clicks = 3 },
        };

        var estimate = RankingChangeEstimator.Estimate(showings, Quick);

        Assert.Equal(2, estimate.Sessions);
        Assert.Equal(3, estimate.Showings);
        Assert.Equal(7, estimate.LoggedImpressions);
        Assert.Equal(6, estimate.ProposedImpressions);
        Assert.Equal(3, estimate.LoggedClickedImpressions);
        Assert.Equal(2 + 0 + 3, estimate.LoggedClicks);
        Assert.Equal(3.0 / 7, estimate.LoggedClickThroughRate!.Value, 12);
        Assert.Equal((0.5 + 0 + 1) / 3, estimate.LoggedMeanReciprocalRank!.Value, 12);
        Assert.Equal(2, estimate.ChangedShowings);
        Assert.StartsWith("Cannot tell", estimate.Verdict);
    }

    [Fact]
    public void An_identical_proposal_gives_lifts_of_exactly_zero_and_no_clear_difference()
    {
        var estimate = RankingChangeEstimator.Estimate(Showings.Log(300, Showings.Same), Quick);

        Assert.StartsWith("No clear difference", estimate.Verdict);
        Assert.Equal(0, estimate.ChangedShowings);
        foreach (var value in new[] { estimate.ClickThroughLift, estimate.ClickThroughLiftLow, estimate.ClickThroughLiftHigh,
                     estimate.MeanReciprocalRankLift, estimate.MeanReciprocalRankLiftLow, estimate.MeanReciprocalRankLiftHigh,
                     estimate.ClickedImpressionsPerSessionLift, estimate.ClickedImpressionsPerSessionLiftLow,
                     estimate.ClickedImpressionsPerSessionLiftHigh })
            Assert.Equal(0.0, value);
        Assert.Equal(estimate.ModelLoggedClickThroughRate, estimate.EstimatedClickThroughRate);
        Assert.Empty(estimate.Moved);
    }

    [Fact]
    public void Sorting_by_attractiveness_is_likely_better_and_the_reverse_likely_worse()
    {
        var better = RankingChangeEstimator.Estimate(Showings.Log(3000, Showings.Best), Quick);
        var worse = RankingChangeEstimator.Estimate(Showings.Log(3000, Showings.Worst), Quick);

        Assert.StartsWith("Likely better", better.Verdict);
        Assert.True(better.MeanReciprocalRankLiftLow > 0);
        Assert.StartsWith("Likely worse", worse.Verdict);
        // Equal windows: clicks per session and click-through per impression move together.
        Assert.True(better.ClickedImpressionsPerSessionLiftLow > 0);
        Assert.True(better.ClickThroughLiftLow > 0);
        Assert.True(worse.ClickedImpressionsPerSessionLiftHigh < 0);
        Assert.True(worse.ClickThroughLiftHigh < 0);
        Assert.DoesNotContain("not comparable", better.Note);
        Assert.True(worse.MeanReciprocalRankLiftHigh < 0);
        Assert.True(better.Coverage > 0.99);
        Assert.Equal(1, better.Method.ReferencePosition);
        Assert.Equal(50, better.Method.Resamples);
        Assert.Equal(WhatIfSettings.DefaultSeed, better.Method.Seed);
    }

    [Fact]
    public void A_handful_of_sessions_cannot_tell_however_clear_the_figures_look()
    {
        var estimate = RankingChangeEstimator.Estimate(Showings.Log(150, Showings.Best), Quick);

        Assert.StartsWith("Cannot tell: 150 sessions, fewer than the 200 needed", estimate.Verdict);
        Assert.NotNull(estimate.MeanReciprocalRankLift);
    }

    [Fact]
    public void A_thin_log_names_its_session_count_before_the_coverage_it_causes()
    {
        var estimate = RankingChangeEstimator.Estimate(Showings.Log(12, Showings.Best), Quick);

        Assert.True(estimate.Coverage < 0.9, $"coverage {estimate.Coverage}");
        Assert.StartsWith("Cannot tell: 12 sessions, fewer than the 200 needed", estimate.Verdict);
        Assert.Contains("coverage", estimate.Verdict);
    }

    [Fact]
    public void Snippets_never_shown_count_against_coverage_and_are_named_in_the_note()
    {
        var estimate = RankingChangeEstimator.Estimate(Showings.Log(1000, logged => ["NEW-1", "NEW-2", .. logged.Take(4)]), Quick);

        Assert.StartsWith("Cannot tell: the log can speak for only", estimate.Verdict);
        Assert.InRange(estimate.Coverage!.Value, 0.3, 0.7);
        Assert.Contains("never shown in the range", estimate.Note);
        var newcomer = Assert.Single(estimate.Moved, m => m.SnippetId == "NEW-1");
        Assert.Null(newcomer.Attractiveness);
        Assert.Null(newcomer.OldMeanPosition);
        Assert.Equal(1.0, newcomer.NewMeanPosition);
        Assert.Equal(0, newcomer.LoggedImpressions);
    }

    [Fact]
    public void Moved_lists_at_most_ten_snippets_largest_change_first()
    {
        var ids = Enumerable.Range(0, 30).Select(i => $"KB-{i:D2}").ToArray();
        var showings = Enumerable.Range(0, 400)
            .Select(s => Showings.Of($"s-{s}", ids.Skip(s % 20).Take(10).ToArray(), ids.Skip(s % 20).Take(10).Reverse().ToArray(), 1)).ToList();

        var moved = RankingChangeEstimator.Estimate(showings, Quick).Moved;

        Assert.Equal(10, moved.Count);
        var changes = moved.Select(m => Math.Abs(m.NewExpectedImpressions - m.OldExpectedImpressions)).ToList();
        Assert.Equal(changes.OrderByDescending(c => c), changes);
    }

    [Fact]
    public void The_same_seed_gives_the_same_figures()
    {
        var showings = Showings.Log(500, Showings.Best);

        var first = RankingChangeEstimator.Estimate(showings, Quick);
        var second = RankingChangeEstimator.Estimate(showings, Quick);

        Assert.Equal(first.ClickThroughLiftLow, second.ClickThroughLiftLow);
        Assert.Equal(first.MeanReciprocalRankLiftHigh, second.MeanReciprocalRankLiftHigh);
        Assert.Equal(first.Verdict, second.Verdict);
    }

    [Fact]
    public void Without_resamples_there_is_no_interval_and_no_verdict_but_cannot_tell()
    {
        var estimate = RankingChangeEstimator.Estimate(Showings.Log(500, Showings.Best), new WhatIfSettings { Resamples = 0 });

        Assert.NotNull(estimate.EstimatedClickThroughRate);
        Assert.Null(estimate.EstimatedClickThroughRateLow);
        Assert.StartsWith("Cannot tell: without resamples", estimate.Verdict);
    }

    [Fact]
    public void Reports_each_resample_and_stops_when_cancelled()
    {
        var progress = new RecordingProgress();
        RankingChangeEstimator.Estimate(Showings.Log(300, Showings.Best), new WhatIfSettings { Resamples = 7 }, progress: progress);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], progress.Reports);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => RankingChangeEstimator.Estimate(Showings.Log(300, Showings.Best), Quick, cancelled.Token));
    }

    [Fact]
    public void Keeps_the_callers_notes()
    {
        var estimate = RankingChangeEstimator.Estimate([], new WhatIfSettings { Notes = ["12 imported Expert searches were left out."] });

        Assert.Equal("12 imported Expert searches were left out.", estimate.Note);
    }

    [Fact]
    public void A_click_outside_the_logged_list_is_refused_naming_the_session()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            RankingChangeEstimator.Estimate([Showings.Of("s-7", ["A", "B"], ["B", "A"], 3)], Quick));

        Assert.Contains("'s-7'", error.Message);
        Assert.Contains("position 3", error.Message);
    }

    private sealed class RecordingProgress : IProgress<int>
    {
        public List<int> Reports { get; } = [];

        public void Report(int value) => Reports.Add(value);
    }

    [Fact]
    public void A_smaller_window_raises_click_through_per_impression_but_is_likely_worse_for_clicks_per_session()
    {
        var estimate = RankingChangeEstimator.Estimate(Showings.Log(3000, logged => [.. logged.Take(2)]), Quick);

        Assert.True(estimate.ClickThroughLiftLow > 0, $"click-through lift low {estimate.ClickThroughLiftLow}");
        Assert.True(estimate.ClickedImpressionsPerSessionLiftHigh < 0, $"per-session lift high {estimate.ClickedImpressionsPerSessionLiftHigh}");
        Assert.True(estimate.MeanReciprocalRankLiftHigh < 0);
        Assert.StartsWith("Likely worse: clicked impressions per session -", estimate.Verdict);
        Assert.Contains("click-through per impression is not comparable", estimate.Note);
    }

    [Fact]
    public void Clicked_impressions_per_session_are_observed_and_estimated_with_intervals()
    {
        var showings = Showings.Log(1000, Showings.Best);

        var estimate = RankingChangeEstimator.Estimate(showings, Quick);

        Assert.Equal((double)estimate.LoggedClickedImpressions / estimate.Sessions, estimate.LoggedClickedImpressionsPerSession!.Value, 12);
        Assert.InRange(estimate.ModelLoggedClickedImpressionsPerSession!.Value, 0.9 * estimate.LoggedClickedImpressionsPerSession.Value,
            1.1 * estimate.LoggedClickedImpressionsPerSession.Value);
        Assert.True(estimate.EstimatedClickedImpressionsPerSessionLow <= estimate.EstimatedClickedImpressionsPerSession);
        Assert.True(estimate.EstimatedClickedImpressionsPerSession <= estimate.EstimatedClickedImpressionsPerSessionHigh);
        Assert.Equal((estimate.EstimatedClickedImpressionsPerSession - estimate.ModelLoggedClickedImpressionsPerSession)!.Value,
            estimate.ClickedImpressionsPerSessionLift!.Value, 12);
    }

    [Fact]
    public void One_logged_rule_set_says_the_estimate_leans_on_the_model()
    {
        var showings = Showings.Log(500, Showings.Best);

        var one = RankingChangeEstimator.Estimate(showings, new WhatIfSettings { Resamples = 20, LoggedRuleSets = 1 });
        var several = RankingChangeEstimator.Estimate(showings, new WhatIfSettings { Resamples = 20, LoggedRuleSets = 3 });
        var unknown = RankingChangeEstimator.Estimate(showings, new WhatIfSettings { Resamples = 20 });

        Assert.Contains("leans on the model more than usual", one.Note);
        Assert.DoesNotContain("leans on the model", several.Note);
        Assert.DoesNotContain("leans on the model", unknown.Note);
    }
}
