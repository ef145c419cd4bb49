using System.Management.Automation;

namespace CXoneRanking.PowerShell.Errors;

/// <summary>The errors of Export-RankingAuditLog, each naming what it could not do.</summary>
internal static class AuditExportErrors
{
    public static ErrorRecord DestinationIsFile(string destination) =>
        ErrorRecords.InvalidArgument("ExportDestinationIsFile",
            $"The export destination '{destination}' is a file; it must be a folder (the day partitions go inside it).", destination,
            "Give -Destination a folder, new or existing; the export creates it and one day=YYYY-MM-DD folder per day.");

    public static ErrorRecord ParquetNotSupported(PlatformNotSupportedException error) =>
        ErrorRecords.Create(error, "ParquetExportNotSupported", ErrorCategory.NotImplemented, "Parquet",
            "Run the export in PowerShell 7.6 or later, or use -Format JsonLines (the same rows, one JSON object per line).");

    public static ErrorRecord DayFailed(string day, string destination, Exception error) =>
        ErrorRecords.Create(new IOException($"The audit log's day {day} could not be exported to '{destination}': {error.Message}", error),
            "AuditExportFailed", ErrorCategory.WriteError, day,
            "Check that the destination is writable and has space, and that the audit folder is readable; run the export again: "
            + "the days already written are skipped.");
}
