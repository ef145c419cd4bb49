using System.Management.Automation;
using CXoneRanking.Experiments;
using CXoneRanking.PowerShell.Completion;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Measures a ranking experiment from the audit log: each arm's figures, the lift, its 95% interval and p-value.</summary>
[Cmdlet(VerbsCommon.Get, "RankingExperiment")]
[OutputType(typeof(RankingExperimentResult))]
public sealed class GetRankingExperimentCommand : AuditLogQueryCommandBase
{
    /// <summary>The experiment (exact, case-sensitive); without it, every experiment found.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Experiment")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ExperimentNameCompleter))]
    public string[]? Name { get; set; }

    private readonly List<string> _names = [];

    protected override void ProcessRecord()
    {
        if (Name is { } names) _names.AddRange(names);
    }

    protected override void EndProcessing()
    {
        var calculator = ReadLog(entries => Tally(entries), out var directory, out var filesRead);
        if (calculator is null) return;
        WriteVerbose($"Read {filesRead} audit file(s) in '{directory}'.");
        if (_names.Count == 0)
        {
            var results = calculator.Results();
            if (results.Count == 0)
                WriteWarning($"No experiment in the audit log in '{directory}'{RangeText()}: no successful ranking carries an experiment. "
                    + "Run Submit-SnippetRanking -Experiment <name> [-TreatmentDirective ...] to start one.");
            WriteObject(results, enumerateCollection: true);
            return;
        }
        foreach (var name in _names.Distinct(StringComparer.Ordinal))
        {
            if (calculator.Result(name) is { } result) WriteObject(result);
            else WriteError(ExperimentErrors.ExperimentNotFound(name, directory));
        }
    }

    private RankingExperimentCalculator Tally(IEnumerable<AuditEntry> entries)
    {
        var calculator = new RankingExperimentCalculator(Filter());
        foreach (var entry in entries) calculator.Add(entry);
        return calculator;
    }
}
