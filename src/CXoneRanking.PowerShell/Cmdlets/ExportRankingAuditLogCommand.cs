using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Audit;
using CXoneRanking.PowerShell.Errors;
using CXoneRanking.PowerShell.Parameters;
using CXoneRanking.PowerShell.Paths;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// Exports the audit log, one file per UTC day in Hive-style partitions, as Parquet or JSON Lines, skipping the days
/// already exported and unchanged (docs/audit-log.md#export).
/// </summary>
[Cmdlet(VerbsData.Export, "RankingAuditLog", SupportsShouldProcess = true)]
[OutputType("CXoneRanking.AuditExportDay")]
public sealed class ExportRankingAuditLogCommand : AuditLogCommandBase, IDisposable
{
    private readonly AuditReadSession _reading;

    public ExportRankingAuditLogCommand() => _reading = new AuditReadSession(this);

    /// <summary>The audit log folder to export.</summary>
    [Parameter(Position = 0)]
    [Alias("Path")]
    [ValidateNotNullOrEmpty]
    public override string? AuditPath { get => base.AuditPath; set => base.AuditPath = value; }

    /// <summary>The folder the day partitions go to; created if missing, shared by any number of audit folders.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = string.Empty;

    /// <summary>Parquet (PowerShell 7.6) or JsonLines. A string, not Core's enum: no Core type in a cmdlet class before import.</summary>
    [Parameter]
    [ValidateSet("Parquet", "JsonLines")]
    public string Format { get; set; } = "Parquet";

    /// <summary>Export only the days of the log's files from the UTC day this falls in.</summary>
    [Parameter]
    [InstantTransformation]
    public DateTime? Since { get; set; }

    /// <summary>Export only the days of the log's files that begin before this.</summary>
    [Parameter]
    [InstantTransformation]
    public DateTime? Until { get; set; }

    /// <summary>Write every day again, even those exported and unchanged (after a destination was damaged, say).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void EndProcessing()
    {
        var directory = ResolveAuditDirectory();
        var destination = FileSystemPath.Resolve(this, Destination, "DestinationNotFileSystem", "destination", "a folder");
        var since = TimeRangeParameters.ToOffset(Since);
        var until = TimeRangeParameters.ToOffset(Until);
        if (TimeRangeParameters.Reversed(since, until) is { } reversed) ThrowTerminatingError(reversed);
        if (File.Exists(destination)) ThrowTerminatingError(AuditExportErrors.DestinationIsFile(destination));
        if (!Directory.Exists(directory))
        {
            WriteError(AuditLogNotFound(directory));
            return;
        }
        var exporter = CreateExporter(directory, destination);
        _reading.Read(directory, $"Exporting the audit log in {directory} to {destination}", (stopping, _) =>
        {
            var plans = exporter.Plan(since?.UtcDateTime.Date, until?.UtcDateTime, stopping);
            for (var i = 0; i < plans.Count; i++) ExportDay(exporter, plans[i], i, plans.Count, stopping);
            return plans;
        });
    }

    protected override void StopProcessing() => _reading.Stop();

    /// <summary>PowerShell disposes the cmdlet when the pipeline ends, stopped or not.</summary>
    public void Dispose() => _reading.Dispose();

    private AuditLogExporter CreateExporter(string directory, string destination)
    {
        var format = Format == "JsonLines" ? AuditExportFormat.JsonLines : AuditExportFormat.Parquet;
        try
        {
            return new AuditLogExporter(directory, destination, format);
        }
        catch (PlatformNotSupportedException e)
        {
            ThrowTerminatingError(AuditExportErrors.ParquetNotSupported(e));
            throw;
        }
    }

    private void ExportDay(AuditLogExporter exporter, AuditExportPlan plan, int index, int count, CancellationToken stopping)
    {
        var day = plan.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var progress = new ProgressRecord(2, $"Exporting the audit log to {exporter.Destination}", $"Day {day} ({index + 1} of {count})")
        {
            PercentComplete = 100 * index / count,
        };
        WriteProgress(progress);
        try
        {
            if (exporter.Check(plan, Force, stopping) is { } done)
            {
                WriteVerbose($"{day}: {done.Action} ({done.Entries} entries), {exporter.AuditDirectory}.");
                WriteObject(done);
                return;
            }
            var dataFile = exporter.DataFile(plan);
            if (!ShouldProcess(dataFile, $"Export the audit log's day {day} ({plan.Files.Count} file(s)) as {Format}")) return;
            WriteObject(exporter.Export(plan, Force, stopping));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError(AuditExportErrors.DayFailed(day, exporter.Destination, e));
        }
    }
}
