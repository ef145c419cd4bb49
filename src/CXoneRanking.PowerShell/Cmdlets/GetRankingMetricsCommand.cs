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
        // The reader reads the folder day by day (bounded memory) and merges the daily summaries of closed days.
        var notes = new List<string>();
        RankingMetricsReader? reader = null;
        var metrics = ReadFolder((folder, stopping, progress) =>
            (reader = new RankingMetricsReader(folder, filter) { Verbose = notes.Add }).Read(stopping, progress), out var directory);
        foreach (var note in notes) WriteVerbose(note);
        if (metrics is null) return;
        WarnSkipped(reader!.SkippedLines);
        var filesRead = reader.FilesRead;
        WriteVerbose($"Read {filesRead} audit file(s) in '{directory}'"
            + (reader.DaysSummarised > 0 ? $" and the summaries of {reader.DaysSummarised} closed day(s)." : "."));
        if (metrics.FirstEntry is null)
            WriteWarning($"No audit entry counts{RangeText()}{(SessionId is null ? "" : " for the sessions given")} in '{directory}' "
                + $"({filesRead} file(s) read): every figure is zero. Widen -Since/-Until, check the session ids, or point at the audit "
                + "log the submissions were written to.");
        WriteObject(metrics);
    }
}
