using Xunit.Abstractions;

namespace CXoneRanking.Tests.WhatIf;

/// <summary>
/// The estimator against simulated logs with known truth (docs/what-if.md#how-well-it-works-simulations-with-known-truth):
/// 50 logs, seven proposals each (helps, hurts, unchanged, never-shown snippets on top, a mixed directive set, the sets
/// in force with a window of 3, helps with a window of 5).
/// Smaller logs and fewer resamples than the documented run (bench/WhatIfSimulation), so the test stays quick.
/// </summary>
public sealed class RankingChangeSimulationTests(ITestOutputHelper output)
{
    private const int Logs = 50;
    private const int Sessions = 1500;
    private const int Resamples = 200;

    private static readonly Lazy<IReadOnlyList<SimulationCase>> Cases = new(() =>
        Enumerable.Range(1, Logs).SelectMany(seed =>
        {
            var log = new SimulatedClickLog(seed, Sessions);
            return Enum.GetValues<ProposalKind>().Select(kind => SimulationCase.Run(log, seed, kind, Resamples)).ToList();
        }).ToList());

    private static IEnumerable<SimulationCase> Estimated =>
        Cases.Value.Where(c => c.Kind is not ProposalKind.Unchanged and not ProposalKind.NeverShown);

    [Fact]
    public void The_95_percent_intervals_hold_the_truth_in_at_least_90_percent_of_cases()
    {
        var cases = Estimated.ToList();
        Assert.True(cases.Count >= 150, $"{cases.Count} cases");
        var rates = new (string Figure, double Rate)[]
        {
            ("click-through rate", cases.Average(c => c.HoldsClickThroughRate ? 1.0 : 0.0)),
            ("mean reciprocal rank", cases.Average(c => c.HoldsMeanReciprocalRank ? 1.0 : 0.0)),
            ("click-through lift", cases.Average(c => c.HoldsClickThroughLift ? 1.0 : 0.0)),
            ("reciprocal rank lift", cases.Average(c => c.HoldsMeanReciprocalRankLift ? 1.0 : 0.0)),
            ("clicked impressions per session", cases.Average(c => c.HoldsClickedImpressionsPerSession ? 1.0 : 0.0)),
            ("clicked impressions per session lift", cases.Average(c => c.HoldsClickedImpressionsPerSessionLift ? 1.0 : 0.0)),
        };
        foreach (var (figure, rate) in rates) output.WriteLine($"{figure}: {rate:P1} of {cases.Count} cases");
        foreach (var group in cases.GroupBy(c => c.Kind))
        {
            output.WriteLine($"{group.Key}: CTR {group.Average(c => c.HoldsClickThroughRate ? 1.0 : 0.0):P0}, "
                + $"MRR {group.Average(c => c.HoldsMeanReciprocalRank ? 1.0 : 0.0):P0}, "
                + $"CTR lift {group.Average(c => c.HoldsClickThroughLift ? 1.0 : 0.0):P0}, "
                + $"MRR lift {group.Average(c => c.HoldsMeanReciprocalRankLift ? 1.0 : 0.0):P0}, "
                + $"per session {group.Average(c => c.HoldsClickedImpressionsPerSession ? 1.0 : 0.0):P0}, "
                + $"per-session lift {group.Average(c => c.HoldsClickedImpressionsPerSessionLift ? 1.0 : 0.0):P0}; verdicts "
                + string.Join(", ", group.GroupBy(c => c.VerdictWord).Select(g => $"{g.Key} {g.Count()}")));
        }
        Assert.All(rates, r => Assert.True(r.Rate >= 0.90, $"{r.Figure}: {r.Rate:P1}"));
    }

    /// <summary>
    /// A 95% interval that excludes 0 still misses a true lift near 0 now and then (at most 2.5% of the time on one
    /// side), so "always" is not a property such a verdict can have; the seeded run has one such case in 198 (log 27, a
    /// steep examination curve and two snippets never clicked in about 30 looks that the proposal lifts to position 3).
    /// </summary>
    [Fact]
    public void The_lift_has_the_true_sign_in_at_least_98_percent_of_better_or_worse_verdicts()
    {
        var decided = Cases.Value.Where(c => c.VerdictWord is "Likely better" or "Likely worse").ToList();
        var wrong = decided.Where(c => !c.SignsRight).ToList();
        output.WriteLine($"{decided.Count} decided cases, {decided.Count - wrong.Count} with the true sign");
        foreach (var c in wrong) output.WriteLine($"log {c.Seed}, {c.Kind}: {c.Estimate.Verdict} but true lifts {c.Truth}");
        Assert.True(decided.Count >= 100, $"{decided.Count} decided cases");
        Assert.True(wrong.Count <= decided.Count * 0.02, $"{wrong.Count} of {decided.Count} with the wrong sign");
    }

    /// <summary>
    /// A harmful proposal lifts the snippets agents click least, which the log saw least (shown low, rarely looked at):
    /// some of those proposals fall below the coverage threshold and say Cannot tell rather than guess.
    /// </summary>
    [Fact]
    public void Helpful_proposals_say_likely_better_and_harmful_ones_likely_worse_or_cannot_tell()
    {
        var helps = Cases.Value.Where(c => c.Kind == ProposalKind.Helps).ToList();
        var hurts = Cases.Value.Where(c => c.Kind == ProposalKind.Hurts).ToList();
        output.WriteLine($"helps: {string.Join(", ", helps.GroupBy(c => c.VerdictWord).Select(g => $"{g.Key} {g.Count()}"))}");
        output.WriteLine($"hurts: {string.Join(", ", hurts.GroupBy(c => c.VerdictWord).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.True(helps.Count(c => c.VerdictWord == "Likely better") >= helps.Count * 0.9);
        Assert.DoesNotContain(helps, c => c.VerdictWord == "Likely worse");
        Assert.True(hurts.Count(c => c.VerdictWord == "Likely worse") >= hurts.Count * 0.7);
        Assert.DoesNotContain(hurts, c => c.VerdictWord == "Likely better");
        Assert.All(hurts.Where(c => c.VerdictWord == "Cannot tell"), c => Assert.True(c.Estimate.Coverage < 0.9, c.Estimate.Verdict));
    }

    [Fact]
    public void Proposals_that_put_never_shown_snippets_on_top_say_cannot_tell()
    {
        var cases = Cases.Value.Where(c => c.Kind == ProposalKind.NeverShown).ToList();
        Assert.Equal(Logs, cases.Count);
        Assert.All(cases, c =>
        {
            Assert.StartsWith("Cannot tell", c.Estimate.Verdict);
            Assert.True(c.Estimate.Coverage < 0.9, $"coverage {c.Estimate.Coverage}");
            Assert.NotNull(c.Estimate.EstimatedClickThroughRate);
        });
    }

    [Fact]
    public void The_directives_in_force_say_no_clear_difference_with_lifts_of_exactly_zero()
    {
        var cases = Cases.Value.Where(c => c.Kind == ProposalKind.Unchanged).ToList();
        Assert.Equal(Logs, cases.Count);
        Assert.All(cases, c =>
        {
            Assert.StartsWith("No clear difference", c.Estimate.Verdict);
            Assert.Equal(0.0, c.Estimate.ClickThroughLift);
            Assert.Equal(0.0, c.Estimate.ClickThroughLiftLow);
            Assert.Equal(0.0, c.Estimate.ClickThroughLiftHigh);
            Assert.Equal(0.0, c.Estimate.MeanReciprocalRankLift);
            Assert.Equal(0.0, c.Estimate.MeanReciprocalRankLiftLow);
            Assert.Equal(0.0, c.Estimate.MeanReciprocalRankLiftHigh);
        });
    }

    [Fact]
    public void Prints_the_inverse_propensity_cross_check_beside_the_model()
    {
        foreach (var group in Estimated.GroupBy(c => c.Kind))
        {
            var cases = group.ToList();
            output.WriteLine($"{group.Key}: truth CTR {cases.Average(c => c.Truth.ClickThroughRate):0.0000}, "
                + $"model {cases.Average(c => c.Estimate.EstimatedClickThroughRate!.Value):0.0000}, "
                + $"inverse propensity {cases.Average(c => c.Estimate.InversePropensityClickThroughRate!.Value):0.0000}");
        }
        Assert.All(Estimated, c => Assert.InRange(c.Estimate.InversePropensityClickThroughRate!.Value, 0.0, 1.0));
    }

    /// <summary>
    /// A narrower window raises click-through per impression (the least examined positions go) while agents get fewer
    /// clicks per session and a later first click: the verdict follows clicks per session and reciprocal rank, and the
    /// note says click-through is not comparable.
    /// </summary>
    [Fact]
    public void A_narrower_window_is_likely_worse_though_its_click_through_per_impression_rises()
    {
        var cases = Cases.Value.Where(c => c.Kind == ProposalKind.Narrower).ToList();
        Assert.Equal(Logs, cases.Count);
        Assert.All(cases, c =>
        {
            Assert.True(c.Truth.ClickThroughLift > 0, $"log {c.Seed}: true click-through lift {c.Truth.ClickThroughLift}");
            Assert.True(c.Truth.ClickedImpressionsPerSessionLift < 0,
                $"log {c.Seed}: true per-session lift {c.Truth.ClickedImpressionsPerSessionLift}");
            Assert.StartsWith("Likely worse", c.Estimate.Verdict);
            Assert.Contains("click-through per impression is not comparable", c.Estimate.Note);
        });
    }

    [Fact]
    public void Window_changes_decide_by_the_true_clicks_per_session_and_reciprocal_rank()
    {
        var cases = Cases.Value.Where(c => c.Kind is ProposalKind.Narrower or ProposalKind.HelpsNarrower).ToList();
        Assert.All(cases, c =>
        {
            var (perSession, rr) = (c.Truth.ClickedImpressionsPerSessionLift, c.Truth.MeanReciprocalRankLift);
            if (c.VerdictWord == "Likely better") Assert.True(perSession > 0 || rr > 0, $"log {c.Seed} {c.Kind}: {c.Estimate.Verdict}");
            if (c.VerdictWord == "Likely worse") Assert.True(perSession < 0 || rr < 0, $"log {c.Seed} {c.Kind}: {c.Estimate.Verdict}");
            Assert.True(c.SignsRight, $"log {c.Seed} {c.Kind}: {c.Estimate.Verdict}; truth {c.Truth}");
        });
    }
}
