using System.Management.Automation;

namespace CXoneRanking.PowerShell.Errors;

/// <summary>The error records of ranking experiments (docs/experiments.md), each with what to do about it.</summary>
internal static class ExperimentErrors
{
    public static ErrorRecord InvalidExperiment(string problem, object? target) =>
        ErrorRecords.InvalidArgument("InvalidExperiment", $"Cannot run the experiment: {problem}.", target,
            "Name the experiment with -Experiment: 1 to 128 characters, no control characters.");

    public static ErrorRecord ExperimentMissing(string parameter) =>
        ErrorRecords.InvalidArgument("ExperimentNameMissing", $"-{parameter} needs -Experiment to name the experiment.", parameter,
            "Add -Experiment <name>, or leave out -TreatmentDirective and -TreatmentPercent.");

    public static ErrorRecord ExperimentMismatch(SessionRanking ranking, string experiment) =>
        ErrorRecords.InvalidArgument("ExperimentMismatch",
            $"Session '{ranking.SessionId}' was ranked {Where(ranking)}, not in '{experiment}'; it was not submitted.", ranking,
            "Pipe the ranks from New-SnippetRank so each session is ranked in its arm, or run Test-RankingPayload with the same -Experiment.");

    public static ErrorRecord ExperimentNotFound(string name, string directory) =>
        ErrorRecords.Create(
            new ItemNotFoundException($"The audit log in '{directory}' holds no successful ranking of experiment '{name}' in the range."),
            "ExperimentNotFound", ErrorCategory.ObjectNotFound, name,
            "Check the name (exact, case-sensitive) and -Since/-Until; Get-RankingExperiment without -Name lists the experiments found.");

    private static string Where(SessionRanking ranking) =>
        ranking.Experiment is null ? "outside any experiment" : $"in experiment '{ranking.Experiment}'";
}
