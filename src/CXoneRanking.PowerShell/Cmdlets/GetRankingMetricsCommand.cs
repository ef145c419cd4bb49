using System.Management.Automation;
using CXoneRanking.Metrics;
using CXoneRanking.PowerShell.Completion;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Computes submission, latency and click-through metrics from the audit log files.</summary>
[Cmdlet(VerbsCommon.Get, "RankingMetrics")]
[OutputType(typeof(RankingMetrics))]
public sealed class GetRankingMetricsCommand : AuditLogQueryCommandBase
{
    /// <summary>Count only these sessions (exact ids).</summary>
    [Parameter]
    [Alias("session_id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public string[]? SessionId { get; set; }

    protected override void EndProcessing()
    {
        var filter = Filter(SessionId);
        var metrics = ReadLog(entries => RankingMetricsCalculator.Calculate(entries, filter), out var directory, out var filesRead);
        if (metrics is null) return;
        WriteVerbose($"Read {filesRead} audit file(s) in '{directory}'.");
        if (metrics.FirstEntry is null)
            WriteWarning($"No audit entry counts{RangeText()}{(SessionId is null ? "" : " for the sessions given")} in '{directory}' "
                + $"({filesRead} file(s) read): every figure is zero. Widen -Since/-Until, check the session ids, or point at the audit "
                + "log the submissions were written to.");
        WriteObject(metrics);
    }
}
