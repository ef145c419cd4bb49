using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.Metrics;
using CXoneRanking.PowerShell.Infrastructure;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Computes submission, latency and click-through metrics from the audit log files.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "RankingMetrics")]
[OutputType(typeof(RankingMetrics))]
public sealed class GetRankingMetricsCommand : AuditLogCommandBase
{
    private const int MaxWarnings = 10;
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Count entries at or after this time (a time without a zone is local, like Get-Date's).</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Count entries before this time (exclusive).</summary>
    [Parameter]
    public DateTime? Until { get; set; }

    /// <summary>Count only these sessions (exact ids).</summary>
    [Parameter]
    [Alias("session_id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public string[]? SessionId { get; set; }

    protected override void EndProcessing()
    {
        var directory = ResolveAuditDirectory();
        if (!Directory.Exists(directory))
        {
            WriteError(AuditLogNotFound(directory));
            return;
        }
        var filter = new RankingMetricsFilter
        {
            Since = Since is { } since ? new DateTimeOffset(since) : null,
            Until = Until is { } until ? new DateTimeOffset(until) : null,
            SessionIds = SessionId,
        };
        var reader = new AuditLogReader(directory);
        var progress = new AuditReadProgressReporter(this, $"Reading the audit log in {directory}");
        RankingMetrics metrics;
        try
        {
            metrics = RankingMetricsCalculator.Calculate(reader.ReadEntries(_stopping.Token, progress), filter);
        }
        catch (OperationCanceledException) { return; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(AuditLogUnreadable(directory, e));
            return;
        }
        finally { progress.Complete(); }
        foreach (var skipped in reader.SkippedLines.Take(MaxWarnings))
            WriteWarning($"Skipped {skipped}");
        if (reader.SkippedLines.Count > MaxWarnings)
            WriteWarning($"Skipped {reader.SkippedLines.Count - MaxWarnings} more lines; Test-RankingAuditLog lists them all.");
        WriteVerbose($"Read {reader.FilesRead} audit file(s) in '{directory}'.");
        WriteObject(metrics);
    }

    protected override void StopProcessing() => _stopping.Cancel();
}
