using System.Globalization;
using CXoneRanking.Learning;

namespace CXoneRanking.WhatIf;

/// <summary>
/// Estimates what a proposed ranking would have done on logged showings (docs/what-if.md): the position-based click
/// model Get-SnippetBoostSuggestion fits (<see cref="PositionBasedClickModel"/>) is fitted on the logged lists and
/// clicks, both lists are evaluated under it, and a session bootstrap with the model refitted on every resample gives
/// the 95% intervals. It never reads the log: the caller builds the showings.
/// </summary>
public static class RankingChangeEstimator
{
    public const string ModelName = "position-based click model (EM, nearly flat Beta(1.02,1.02) prior)";

    /// <summary>Logged impressions a snippet needs to count as estimable in Coverage: Get-SnippetBoostSuggestion's threshold.</summary>
    public const int MinImpressions = BoostSuggestionCalculator.DefaultMinImpressions;

    /// <summary>How far (a share) proposed impressions may differ from logged ones with click-through per impression still comparable.</summary>
    public const double ComparableImpressions = 0.03;

    /// <summary>Estimates the change; deterministic for the same showings and settings.</summary>
    /// <param name="showings">The logged showings with their proposed lists.</param>
    /// <param name="settings">Resamples, seed and the caller's notes.</param>
    /// <param name="cancellationToken">Checked between resamples and EM sweeps.</param>
    /// <param name="progress">Receives the number of resamples done.</param>
    /// <exception cref="ArgumentException">A showing is null, has an empty snippet id, or a click outside its logged list.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RankingChangeEstimate Estimate(IReadOnlyList<WhatIfShowing> showings, WhatIfSettings settings,
        CancellationToken cancellationToken = default, IProgress<int>? progress = null)
    {
        if (showings is null) throw new ArgumentNullException(nameof(showings));
        if (settings is null) throw new ArgumentNullException(nameof(settings));
        if (settings.Resamples < 0) throw new ArgumentOutOfRangeException(nameof(settings), settings.Resamples, "Resamples must not be negative.");
        var table = ShowingTable.From(showings);
        var cells = ClickCells.From(table.Snippets);
        var fit = PositionBasedClickModel.FitCells(cells, PositionBasedClickModel.DefaultMaxIterations, PositionBasedClickModel.DefaultTolerance,
            cancellationToken);
        if (fit is not null) WhatIfClickModel.Refit(fit, cancellationToken);
        var estimable = EstimableSnippets.Of(table, cells, fit, table.MaxLength);
        var notes = new List<string>(settings.Notes ?? []);
        var method = new RankingChangeMethod { Resamples = settings.Resamples, Seed = settings.Seed, ReferencePosition = fit?.Reference };
        if (fit is null)
        {
            NoteImpressionsDiffer(table, notes);
            return Observed(table, estimable, method, notes);
        }
        if (!fit.Converged) notes.Add($"The click model's fit stopped after {fit.Iterations} EM iterations before it settled.");
        var model = new EffectiveClickModel(fit.Comparable, estimable, fit.Examination.Length, table.MaxLength, table.Snippets.Count);
        model.Update(fit.Examination, fit.Relevance, fit.Cells.ImpressionsBySnippet);
        var point = ShowingExpectation.Over(table, null, model.Examination, model.Attractiveness);
        var coverage = estimable.Coverage(table, model.Examination);
        var (ips, crossCheck) = InversePropensityCheck.Of(table, model.Examination, model.Attractiveness);
        var moved = MovedSnippets.Of(table, model.Examination, model.Attractiveness, estimable);
        NoteUnestimated(table, notes);
        NoteImpressionsDiffer(table, notes);
        NoteOneRuleSet(settings, notes);
        // The bootstrap refills the model with each resample's values: everything from the log's fit is taken above.
        var bootstrap = new SessionBootstrap(table, fit, model);
        var draws = bootstrap.Run(settings.Resamples, settings.Seed, cancellationToken, progress);
        if (bootstrap.Unsettled > 0)
            notes.Add($"{bootstrap.Unsettled} of {settings.Resamples} resamples stopped after {SessionBootstrap.MaxSweeps} EM sweeps unsettled.");
        var ctr = Percentiles.Of(point.ProposedClickThroughRate, draws, d => d.ProposedClickThroughRate);
        var mrr = Percentiles.Of(point.ProposedMeanReciprocalRank, draws, d => d.ProposedMeanReciprocalRank);
        var ctrLift = Percentiles.Of(Lift(point.ProposedClickThroughRate, point.LoggedClickThroughRate), draws,
            d => Lift(d.ProposedClickThroughRate, d.LoggedClickThroughRate));
        var perSession = Percentiles.Of(point.ProposedClickedImpressionsPerSession, draws, d => d.ProposedClickedImpressionsPerSession);
        var perSessionLift = Percentiles.Of(Lift(point.ProposedClickedImpressionsPerSession, point.LoggedClickedImpressionsPerSession), draws,
            d => Lift(d.ProposedClickedImpressionsPerSession, d.LoggedClickedImpressionsPerSession));
        var mrrLift = Percentiles.Of(Lift(point.ProposedMeanReciprocalRank, point.LoggedMeanReciprocalRank), draws,
            d => Lift(d.ProposedMeanReciprocalRank, d.LoggedMeanReciprocalRank));
        return new RankingChangeEstimate(table)
        {
            ModelLoggedClickThroughRate = Rate(point.LoggedClickThroughRate),
            ModelLoggedMeanReciprocalRank = Rate(point.LoggedMeanReciprocalRank),
            ModelLoggedClickedImpressionsPerSession = point.LoggedClickedImpressionsPerSession,
            EstimatedClickThroughRate = ctr.Value, EstimatedClickThroughRateLow = ctr.Low, EstimatedClickThroughRateHigh = ctr.High,
            EstimatedMeanReciprocalRank = mrr.Value, EstimatedMeanReciprocalRankLow = mrr.Low, EstimatedMeanReciprocalRankHigh = mrr.High,
            EstimatedClickedImpressionsPerSession = perSession.Value, EstimatedClickedImpressionsPerSessionLow = perSession.Low,
            EstimatedClickedImpressionsPerSessionHigh = perSession.High,
            ClickedImpressionsPerSessionLift = perSessionLift.Value, ClickedImpressionsPerSessionLiftLow = perSessionLift.Low,
            ClickedImpressionsPerSessionLiftHigh = perSessionLift.High,
            ClickThroughLift = ctrLift.Value, ClickThroughLiftLow = ctrLift.Low, ClickThroughLiftHigh = ctrLift.High,
            MeanReciprocalRankLift = mrrLift.Value, MeanReciprocalRankLiftLow = mrrLift.Low, MeanReciprocalRankLiftHigh = mrrLift.High,
            Coverage = coverage,
            InversePropensityClickThroughRate = ips,
            CrossCheck = crossCheck,
            Moved = moved,
            Method = method,
            Verdict = RankingChangeVerdict.Decide(table, true, coverage, settings.Resamples, perSessionLift, mrrLift),
            Note = Join(notes),
        };
    }

    /// <summary>A log without a click: the observed figures, Coverage 0 (nothing is estimable) and Cannot tell.</summary>
    private static RankingChangeEstimate Observed(ShowingTable table, EstimableSnippets estimable, RankingChangeMethod method,
        List<string> notes)
    {
        var flat = Enumerable.Repeat(1.0, table.MaxLength).ToArray();
        return new RankingChangeEstimate(table)
        {
            Coverage = estimable.Coverage(table, flat),
            Moved = MovedSnippets.Of(table, flat, new double[table.Snippets.Count], estimable),
            Method = method,
            Verdict = RankingChangeVerdict.Decide(table, false, null, method.Resamples, default, default),
            Note = Join(notes),
        };
    }

    private static string Join(List<string> notes) => string.Join(" ", notes.Where(n => !string.IsNullOrWhiteSpace(n)));

    private static void NoteUnestimated(ShowingTable table, List<string> notes)
    {
        var neverShown = new HashSet<int>();
        foreach (var snippet in table.ProposedSnippet)
            if (table.Snippets.Tally(snippet).Impressions == 0) neverShown.Add(snippet);
        if (neverShown.Count > 0)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture,
                "{0} snippet(s) the proposal shows were never shown in the range (e.g. {1}); the model gives them the mean attractiveness.",
                neverShown.Count, table.Snippets.IdOf(neverShown.Min())));
        }
        var empty = 0;
        for (var i = 0; i < table.Showings; i++)
            if (table.ProposedStart[i + 1] == table.ProposedStart[i] && table.LoggedStart[i + 1] > table.LoggedStart[i]) empty++;
        if (empty > 0) notes.Add($"The proposal shows nothing on {empty} showing(s) (their impressions count as 0).");
    }

    /// <summary>
    /// Proposed impressions more than <see cref="ComparableImpressions"/> away from the logged ones: click-through per
    /// impression moves by itself, so the Note says why the verdict does not go by it.
    /// </summary>
    private static void NoteImpressionsDiffer(ShowingTable table, List<string> notes)
    {
        if (table.LoggedImpressions == 0) return;
        var change = (double)(table.ProposedImpressions - table.LoggedImpressions) / table.LoggedImpressions;
        if (Math.Abs(change) <= ComparableImpressions) return;
        notes.Add(string.Format(CultureInfo.InvariantCulture,
            "The proposal shows {0:N0} impressions where the log showed {1:N0} ({2:+0;-0}%), so click-through per impression is not "
            + "comparable: showing fewer snippets raises it and showing more lowers it whatever agents click (the lowest positions "
            + "are looked at least); the verdict goes by clicked impressions per session and mean reciprocal rank.",
            table.ProposedImpressions, table.LoggedImpressions, change * 100));
    }

    private static void NoteOneRuleSet(WhatIfSettings settings, List<string> notes)
    {
        if (settings.LoggedRuleSets != 1) return;
        notes.Add("Every showing in the range was ranked under one directive set, so position and snippet effects are separated "
            + "only by how relevance moved snippets between sessions: the estimate leans on the model more than usual, and its "
            + "intervals may be too narrow; a range that spans a change of directives is firmer.");
    }

    private static double? Lift(double? proposed, double? logged) => proposed - logged;

    private static double? Rate(double? value) => value is { } v ? Math.Min(1.0, Math.Max(0.0, v)) : null;
}
