using System.Management.Automation;
using CXoneRanking.PowerShell.Views;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Ranks piped snippets per session and reports every problem, without sending anything.</summary>
[Cmdlet(VerbsDiagnostic.Test, "RankingPayload")]
[OutputType(typeof(SessionRanking))]
[OutputType(typeof(bool))]
public sealed class TestRankingPayloadCommand : RankingCommandBase
{
    /// <summary>Ranks from New-SnippetRank (one per pipeline object, or an array given directly).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyCollection]
    public object? InputObject { get; set; }

    /// <summary>Return one bool: true when every session is valid (and there was at least one).</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    // An untyped parameter binds several times faster than SnippetRank[] for piped objects.
    protected override void ProcessRecord() => AddRanks(InputObject);

    protected override void EndProcessing()
    {
        var allValid = SessionCount > 0;
        foreach (var result in RankSessions())
        {
            allValid &= result.IsValid;
            WriteVerbose($"Session '{result.SessionId}': {(result.IsValid ? "valid" : "invalid")}, {result.Payload?.Snippets.Count ?? 0} snippet(s), "
                + $"{result.Errors.Count} error(s), {result.Warnings.Count} warning(s).");
            foreach (var issue in result.Errors.Concat(result.Warnings))
                WriteVerbose($"  {issue}");
            if (!Quiet) WriteObject(TableVariant.InExperiment(result, result.Arm));
        }
        if (Quiet) WriteObject(allValid);
    }
}
