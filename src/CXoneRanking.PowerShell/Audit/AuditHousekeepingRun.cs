using System.Management.Automation;
using CXoneRanking.Audit;

namespace CXoneRanking.PowerShell.Audit;

/// <summary>
/// The housekeeping a writing cmdlet does once at the end of a run (docs/audit-log.md#rolling-retention-and-compression):
/// only when the run wrote entries (so -WhatIf, a declined -Confirm and an empty run leave the folder as it was), never in
/// a run stopped with Ctrl+C. What retention deleted and why, an unusable policy and every failure are warnings; the rest
/// is verbose. It never fails the run: the entries are written, and what is left is the next run's.
/// </summary>
internal sealed class AuditHousekeepingRun : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public void Run(PSCmdlet cmdlet, AuditLogWriter writer)
    {
        if (cmdlet.Stopping || _stop.IsCancellationRequested || writer.EntriesWritten == 0) return;
        var directory = writer.Options.Directory;
        AuditHousekeepingResult result;
        try
        {
            result = writer.Housekeep(_stop.Token);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cmdlet.WriteWarning($"Audit housekeeping of '{directory}' failed: {e.Message} The entries of this run are written; "
                + "the next run tries again.");
            return;
        }
        if (result.Warning is { } warning) cmdlet.WriteWarning(warning);
        foreach (var problem in result.Problems.Concat(result.CompressionProblems)) cmdlet.WriteWarning($"Audit housekeeping: {problem}");
        cmdlet.WriteVerbose($"Audit housekeeping of '{directory}' ({result.Policy?.ToString() ?? "no usable policy"}): {result}.");
        if (result.Compressed.Count > 0) cmdlet.WriteVerbose($"Compressed: {string.Join(", ", result.Compressed)}.");
        if (result.DeletedSummaries.Count > 0)
            cmdlet.WriteVerbose($"Deleted the summaries of deleted days: {string.Join(", ", result.DeletedSummaries)}.");
    }

    /// <summary>From StopProcessing: housekeeping under way stops after the file in hand (its deletes are still recorded).</summary>
    public void Stop() => _stop.Cancel();

    public void Dispose() => _stop.Dispose();
}
