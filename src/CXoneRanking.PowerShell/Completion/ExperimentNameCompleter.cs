using CXoneRanking.Audit;

namespace CXoneRanking.PowerShell.Completion;

/// <summary>Tab completion of Get-RankingExperiment -Name: the experiments of the latest audit entries, newest first.</summary>
public sealed class ExperimentNameCompleter : AuditValueCompleter
{
    private protected override IEnumerable<string> Read(string directory) => RecentAuditValues.ExperimentNames(directory);

    private protected override string Describe(string value, string directory) => $"Experiment '{value}', from the audit log in {directory}";
}
