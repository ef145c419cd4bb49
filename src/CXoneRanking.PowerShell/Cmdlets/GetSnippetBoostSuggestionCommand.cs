using System.Globalization;
using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.Learning;
using CXoneRanking.Metrics;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Learns position-bias-corrected boost factors for snippets from the clicks in the audit log.</summary>
[Cmdlet(VerbsCommon.Get, "SnippetBoostSuggestion", DefaultParameterSetName = Suggestions)]
[OutputType(typeof(BoostSuggestion), ParameterSetName = new[] { Suggestions })]
[OutputType(typeof(BoostDirective), ParameterSetName = new[] { Suggestions })]
[OutputType(typeof(PositionExamination), ParameterSetName = new[] { ExaminationCurve })]
public sealed class GetSnippetBoostSuggestionCommand : AuditLogQueryCommandBase
{
    private const string Suggestions = "Suggestion";
    private const string ExaminationCurve = "Examination";
    /// <summary>Suggest factors only for snippets shown at least this many times.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int MinImpressions { get; set; } = BoostSuggestionCalculator.DefaultMinImpressions;

    [Parameter]
    [ValidateRange(0.01, 1.0)]
    public double MinFactor { get; set; } = BoostSuggestionCalculator.DefaultMinFactor;

    [Parameter]
    [ValidateRange(1.0, 10.0)]
    public double MaxFactor { get; set; } = BoostSuggestionCalculator.DefaultMaxFactor;

    /// <summary>Emit one snippet-id boost directive per suggestion instead of the suggestions.</summary>
    [Parameter(ParameterSetName = Suggestions)]
    public SwitchParameter AsDirective { get; set; }

    /// <summary>Emit the estimated examination curve (one object per position) instead of the suggestions.</summary>
    [Parameter(ParameterSetName = ExaminationCurve, Mandatory = true)]
    public SwitchParameter Examination { get; set; }

    protected override void BeginProcessing()
    {
        // Checked before the log is read: a long read that ends in "bad settings" wastes the admin's time.
        if (Calculator().Problem() is { } problem)
            ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidSuggestionSettings", $"Cannot suggest boosts: {problem}.", null,
                "Change the parameter the message names (the cmdlet's help lists each one's range) and run again."));
    }

    protected override void EndProcessing()
    {
        var filter = Filter();
        var observations = ReadLog(entries => ClickLogObservations.Collect(entries, filter), out var directory, out var filesRead);
        if (observations is null) return;
        WriteVerbose(string.Format(CultureInfo.InvariantCulture,
            "Read {0} audit file(s) in '{1}': {2} submissions ({8} more with an unknown outcome, not learned from), {3} impressions, "
                + "{4} clicks counted; clicks left out: {5} without an earlier submission of their session, "
                + "{6} on a snippet not shown at their position, {7} repeated on the same impression.",
            filesRead, directory, observations.Submissions, observations.Impressions, observations.Clicks,
            observations.ClicksWithoutRanking, observations.ClicksNotShown, observations.RepeatedClicks, observations.SubmissionsOutcomeUnknown));
        ReportImportedSearches(observations);
        var fit = PositionBasedClickModel.Fit(observations);
        var reference = fit.ReferencePosition switch
        {
            null => "no clicks: nothing to estimate",
            1 => "position 1 = 1",
            var k => $"position {k} = 1; position 1 has no clicks",
        };
        WriteVerbose($"Examination by position ({reference}): {string.Join("  ", fit.Examination.Select(p => p.ToString()))}");
        WriteVerbose($"EM ran {fit.Iterations} iteration(s).");
        if (!fit.Converged) WriteWarning($"The click model did not settle within {fit.Iterations} iterations; treat the factors as rough.");
        if (Examination)
        {
            WriteObject(fit.Examination, enumerateCollection: true);
            return;
        }
        var suggestions = Calculator().Suggest(fit);
        WriteVerbose($"{suggestions.Count} snippet(s) had at least {MinImpressions} impressions.");
        if (suggestions.Count == 0)
        {
            WarnNothingLearnable(observations);
            return;
        }
        if (!AsDirective)
        {
            WriteObject(suggestions, enumerateCollection: true);
            return;
        }
        // A factor of 1 changes nothing: a directive file of them only hides the rules that matter.
        var changing = suggestions.Where(s => s.Factor != 1.0).ToList();
        WriteVerbose($"Left out {suggestions.Count - changing.Count} suggestion(s) with factor 1 (no change).");
        if (changing.Count == 0)
            WriteWarning($"All {suggestions.Count} suggestion(s) have factor 1 (the evidence does not move any snippet): no directive to write. "
                + "More clicks per snippet, or a wider -Since/-Until range, would give some.");
        foreach (var suggestion in changing) WriteObject(suggestion.ToDirective());
    }

    private void WarnNothingLearnable(ClickLogObservations observations)
    {
        // Imported searches alone were already warned about, with the reason (ReportImportedSearches).
        if (observations.Submissions == 0 && observations.ImportedSearches > 0) return;
        var why = observations.Submissions == 0
            ? "the range holds no successful submission to learn from"
            : string.Format(CultureInfo.InvariantCulture,
                "no snippet was shown at least {0} time(s) ({1} submission(s), {2} impression(s), {3} click(s))", MinImpressions,
                observations.Submissions, observations.Impressions, observations.Clicks);
        WriteWarning($"No boost suggestion: {why}. Submissions with Submit-SnippetRanking and clicks recorded with Add-SnippetClick "
            + "in this audit log would give some; a lower -MinImpressions or a wider -Since/-Until range may too.");
    }

    private BoostSuggestionCalculator Calculator() => new() { MinImpressions = MinImpressions, MinFactor = MinFactor, MaxFactor = MaxFactor };

    // Imported Expert searches cannot be learned from (which pages they showed is unknown): say so, loudly when they are all there is.
    private void ReportImportedSearches(ClickLogObservations observations)
    {
        if (observations.ImportedSearches == 0) return;
        var message = string.Format(CultureInfo.InvariantCulture,
            "Left out {0} imported Expert search(es) and their {1} click(s): the search log does not say which pages a search showed.",
            observations.ImportedSearches, observations.ImportedSearchClicks);
        if (observations.Submissions == 0) WriteWarning(message + " Nothing else in the range can be learned from.");
        else WriteVerbose(message);
    }

}
