using System.Globalization;
using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Audit;
using CXoneRanking.PowerShell.Errors;
using CXoneRanking.WhatIf;

namespace CXoneRanking.PowerShell.WhatIf;

/// <summary>
/// What Measure-RankingChange and Export-RankingReport -ProposedDirective share around a <see cref="RankingChangeMeasurement"/>:
/// the proposal's check before the log is read, the estimate with its progress bar and Ctrl+C, and the warning when the
/// log holds nothing to estimate from.
/// </summary>
internal static class RankingChangeRun
{
    /// <summary>
    /// The InvalidDirective errors Test-RankingPayload gives for the proposal's rules; the last one terminating, so
    /// nothing is read for a proposal that cannot rank. <paramref name="parameter"/> names the parameter in the advice.
    /// </summary>
    public static void RefuseInvalidDirectives(PSCmdlet cmdlet, BoostDirective[] proposal, string parameter)
    {
        var issues = RankingChangeMeasurement.DirectiveProblems(proposal);
        for (var i = 0; i < issues.Count; i++)
        {
            var error = ErrorRecords.InvalidArgument(issues[i].Code, issues[i].Message, proposal,
                $"Correct the rule of -{parameter} the message names (New-BoostDirective makes valid ones; "
                    + "Test-RankingPayload -BoostDirective checks them) and run again.");
            if (i < issues.Count - 1) cmdlet.WriteError(error);
            else cmdlet.ThrowTerminatingError(error);
        }
    }

    /// <summary>
    /// Re-ranks and estimates on the thread pool while the pipeline thread shows progress; stopped by the same Ctrl+C
    /// as the read (<paramref name="reading"/>). Null when stopped.
    /// </summary>
    public static RankingChangeEstimate? Estimate(PSCmdlet cmdlet, AuditReadSession reading, string directory,
        RankingChangeMeasurement measurement, LoggedShowings logged, WhatIfSettings settings)
    {
        var progress = new RankingChangeProgressReporter(cmdlet);
        try
        {
            var estimate = reading.Read(directory, "Estimating the ranking change", (stopping, _) =>
            {
                var work = Task.Run(() => measurement.Estimate(logged, settings, stopping, progress), stopping);
                while (!((IAsyncResult)work).AsyncWaitHandle.WaitOne(200)) progress.Show();
                return work.GetAwaiter().GetResult();
            });
            // A proposal without rules, or one that drops rules in force, reads like the change meant: said aloud, not only in the Note.
            if (estimate is not null) foreach (var warning in measurement.Warnings) cmdlet.WriteWarning(warning);
            return estimate;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // The estimator refuses a showing the log cannot hold (a click position past its list): a named error, not a raw one.
            cmdlet.ThrowTerminatingError(ErrorRecords.Create(e, "RankingChangeNotEstimated", ErrorCategory.InvalidData, directory,
                "Run Test-RankingAuditLog on the audit folder: an entry the estimate cannot use was edited or damaged."));
            return null;
        }
        finally
        {
            progress.Complete();
        }
    }

    /// <summary>Why an estimate has no session, and what would give one: for a warning, never silence.</summary>
    public static string NothingToEstimate(string directory, string range, LoggedShowings logged)
    {
        var why = (logged.WithoutCandidates, logged.ExpertSearches) switch
        {
            (0, _) when logged.UnreadableCandidates > 0 => string.Format(CultureInfo.InvariantCulture,
                "the recorded candidates of its {0} showing(s) could not be read (the log was edited, or written by another tool): {1}",
                logged.UnreadableCandidates, logged.FirstCandidatesProblem),
            ( > 0, _) => string.Format(CultureInfo.InvariantCulture,
                "its {0} showing(s) were logged before candidates were recorded (by a module before 0.3), so none can be re-ranked",
                logged.WithoutCandidates),
            (0, > 0) => string.Format(CultureInfo.InvariantCulture,
                "it holds only imported Expert searches ({0}), which record no candidates to re-rank", logged.ExpertSearches),
            _ => "it holds no successful ranking submitted with Submit-SnippetRanking",
        };
        return $"Nothing to estimate from the audit log in '{directory}'{range}: {why}. The verdict is Cannot tell. "
            + "Rankings submitted from now on record their candidates; estimate again once agents have worked with them.";
    }
}
