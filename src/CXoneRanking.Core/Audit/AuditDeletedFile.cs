using System.Globalization;

namespace CXoneRanking;

/// <summary>Why retention deleted a file of the audit log.</summary>
public enum AuditPruneReason
{
    /// <summary>Its day was older than the policy's RetentionDays before the writer's UTC day.</summary>
    Retention,

    /// <summary>The folder's log files exceeded the policy's MaxSizeMB, and its day was the oldest left.</summary>
    SizeCap,
}

/// <summary>One file of the audit log that housekeeping deleted (its last hash is in <c>.cxone-audit.anchors</c>).</summary>
public sealed class AuditDeletedFile
{
    internal AuditDeletedFile(string name, DateTime day, AuditPruneReason reason, long bytes)
    {
        Name = name;
        Day = day;
        Reason = reason;
        Bytes = bytes;
    }

    public string Name { get; }

    /// <summary>The UTC day the file held.</summary>
    public DateTime Day { get; }

    public AuditPruneReason Reason { get; }

    /// <summary>Its size when it was deleted.</summary>
    public long Bytes { get; }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1}, {2} bytes)", Name, Reason, Bytes);
}
