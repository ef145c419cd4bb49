namespace CXoneRanking.Audit;

/// <summary>
/// One day of the log to export: its audit files with their lengths when the export began, and, once the first entry is
/// read, the day's file in the destination. The name holds the hash of the day's first entry, which no other audit folder
/// has (it chains to everything before it), so many hosts' folders export into one destination without a collision, and
/// the same folder exported twice, from any machine, lands on the same name.
/// </summary>
internal sealed class AuditExportPlan(DateTime day, IReadOnlyList<KeyValuePair<AuditLogFile, long>> files)
{
    /// <summary>Hex digits of the first entry's hash in the file name: 64 bits, no collision among any fleet's days.</summary>
    public const int IdentityLength = 16;

    public DateTime Day { get; } = DateTime.SpecifyKind(day.Date, DateTimeKind.Utc);

    public IReadOnlyList<KeyValuePair<AuditLogFile, long>> Files { get; } = files;

    /// <summary>The hash of the day's first entry; null until read, or when the day has no readable entry.</summary>
    public string? FirstHash { get; set; }

    /// <summary><c>day=2026-11-25</c>: the Hive-style partition folder every engine reads as a <c>day</c> column.</summary>
    public string PartitionName => "day=" + Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>cxone-audit-20261125-&lt;16 hex&gt;</c> plus the format's extension.</summary>
    public string FileName(string extension) =>
        "cxone-audit-" + Day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "-"
        + FirstHash!.Substring(0, IdentityLength) + extension;
}
