using CXoneRanking.WhatIf;

namespace CXoneRanking;

/// <summary>
/// What a proposed ranking change would have done on the logged showings, under the position-based click model fitted on
/// the same log (docs/what-if.md#reading-the-figures). Every rate is clicked impressions over impressions, in [0, 1]
/// (clicked impressions per session are a count per session, not a rate);
/// a figure that cannot be computed is null. Intervals are 95% session-bootstrap percentiles, Low ≤ figure ≤ High.
/// </summary>
public sealed class RankingChangeEstimate
{
    public RankingChangeEstimate() { }

    /// <summary>The observed figures of the showings, which every estimate starts from (with a model or without one).</summary>
    internal RankingChangeEstimate(ShowingTable table)
    {
        Sessions = table.Sessions;
        Showings = table.Showings;
        LoggedImpressions = table.LoggedImpressions;
        LoggedClicks = table.Clicks;
        LoggedClickedImpressions = table.ClickedImpressions;
        LoggedClickThroughRate = table.LoggedImpressions > 0 ? (double)table.ClickedImpressions / table.LoggedImpressions : null;
        LoggedMeanReciprocalRank = table.Showings > 0 ? Math.Min(1.0, table.ReciprocalRanks / table.Showings) : null;
        LoggedClickedImpressionsPerSession = table.Sessions > 0 ? (double)table.ClickedImpressions / table.Sessions : null;
        ProposedImpressions = table.ProposedImpressions;
        ChangedShowings = table.Changed.Count(c => c);
    }

    /// <summary>Distinct sessions among the showings.</summary>
    public int Sessions { get; init; }

    public int Showings { get; init; }

    /// <summary>The snippets the logged showings showed.</summary>
    public long LoggedImpressions { get; init; }

    /// <summary>Every click on the showings, repeated ones included.</summary>
    public long LoggedClicks { get; init; }

    /// <summary>Logged impressions clicked at least once.</summary>
    public long LoggedClickedImpressions { get; init; }

    /// <summary>Observed: clicked impressions over impressions; null without impressions.</summary>
    public double? LoggedClickThroughRate { get; init; }

    /// <summary>Observed: mean over showings of 1 / the first click's position (0 for a showing without a click).</summary>
    public double? LoggedMeanReciprocalRank { get; init; }

    /// <summary>Observed: clicked impressions over sessions; null without sessions. Unlike a rate, it does not rise when fewer are shown.</summary>
    public double? LoggedClickedImpressionsPerSession { get; init; }

    /// <summary>The snippets the proposal would show on the same showings.</summary>
    public long ProposedImpressions { get; init; }

    /// <summary>Showings whose proposed list differs from the logged one.</summary>
    public int ChangedShowings { get; init; }

    /// <summary>The model's click-through rate of the logged lists: what the lifts are measured from.</summary>
    public double? ModelLoggedClickThroughRate { get; init; }

    /// <summary>The model's mean reciprocal rank of the logged lists.</summary>
    public double? ModelLoggedMeanReciprocalRank { get; init; }

    /// <summary>The model's expected clicked impressions per session of the logged lists.</summary>
    public double? ModelLoggedClickedImpressionsPerSession { get; init; }

    public double? EstimatedClickThroughRate { get; init; }
    public double? EstimatedClickThroughRateLow { get; init; }
    public double? EstimatedClickThroughRateHigh { get; init; }

    public double? EstimatedMeanReciprocalRank { get; init; }
    public double? EstimatedMeanReciprocalRankLow { get; init; }
    public double? EstimatedMeanReciprocalRankHigh { get; init; }

    /// <summary>The proposal's expected clicked impressions per session under the model: what agents would click.</summary>
    public double? EstimatedClickedImpressionsPerSession { get; init; }
    public double? EstimatedClickedImpressionsPerSessionLow { get; init; }
    public double? EstimatedClickedImpressionsPerSessionHigh { get; init; }

    /// <summary>
    /// Proposed minus logged clicked impressions per session, both under the model, on the same resampled sessions: with
    /// <see cref="MeanReciprocalRankLift"/>, what the Verdict goes by.
    /// </summary>
    public double? ClickedImpressionsPerSessionLift { get; init; }
    public double? ClickedImpressionsPerSessionLiftLow { get; init; }
    public double? ClickedImpressionsPerSessionLiftHigh { get; init; }

    /// <summary>
    /// Proposed minus logged click-through rate, both under the model, on the same resampled sessions. A figure, not a
    /// verdict: it rises by itself when the proposal shows fewer snippets (the least examined go first).
    /// </summary>
    public double? ClickThroughLift { get; init; }
    public double? ClickThroughLiftLow { get; init; }
    public double? ClickThroughLiftHigh { get; init; }

    /// <summary>Proposed minus logged mean reciprocal rank, both under the model, on the same resampled sessions.</summary>
    public double? MeanReciprocalRankLift { get; init; }
    public double? MeanReciprocalRankLiftLow { get; init; }
    public double? MeanReciprocalRankLiftHigh { get; init; }

    /// <summary>
    /// The examination-weighted share of the proposed impressions on snippets the log can estimate (at least
    /// <see cref="RankingChangeEstimator.MinImpressions"/> logged impressions, connected to the reference position)
    /// at positions it can estimate; null when the proposal shows nothing.
    /// </summary>
    public double? Coverage { get; init; }

    /// <summary>
    /// The cross-check: the proposal's click-through rate by inverse propensity, each logged click moved to the
    /// snippet's proposed position and weighted by examination there over examination where it was clicked. Credits
    /// only snippets the showing did show, so it reads low when the proposal brings in snippets the log cut off.
    /// </summary>
    public double? InversePropensityClickThroughRate { get; init; }

    /// <summary>The model's and the inverse-propensity estimate of reciprocal-rank-weighted clicks, side by side.</summary>
    public RankingChangeCrossCheck CrossCheck { get; init; } = new();

    /// <summary>The snippets whose expected impressions (examination-weighted) change most, largest change first.</summary>
    public IReadOnlyList<MovedSnippet> Moved { get; init; } = [];

    public RankingChangeMethod Method { get; init; } = new();

    /// <summary>The proposed rules, in the order given (files read in order); empty for a proposal without rules.</summary>
    public IReadOnlyList<BoostDirective> ProposedDirectives { get; internal set; } = [];

    /// <summary>
    /// True when each showing was re-ranked with its logged rules followed by <see cref="ProposedDirectives"/>; false when
    /// the proposed rules replaced the logged ones.
    /// </summary>
    public bool KeepLoggedRules { get; internal set; }

    /// <summary>The rules files the proposal was read from (full paths, in order); empty when rules were given as objects.</summary>
    public IReadOnlyList<string> DirectiveFiles { get; internal set; } = [];

    /// <summary>One line beginning with Likely better, Likely worse, No clear difference or Cannot tell, then why.</summary>
    public string Verdict { get; init; } = string.Empty;

    /// <summary>The caller's notes and the estimator's own, as sentences; empty when there is nothing to say.</summary>
    public string Note { get; init; } = string.Empty;

    public override string ToString() => Verdict;
}
