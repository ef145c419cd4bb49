namespace CXoneRanking;

/// <summary>One day of the audit log and what Export-RankingAuditLog did with it.</summary>
public sealed class AuditExportDay
{
    internal AuditExportDay(DateTime day, AuditExportAction action, AuditExportFormat format, string? path, long entries,
        long bytes, int sourceFiles)
    {
        Day = day;
        Action = action;
        Format = format;
        Path = path;
        Entries = entries;
        Bytes = bytes;
        SourceFiles = sourceFiles;
    }

    /// <summary>The UTC day of the log's files (a date, time of day zero, kind Utc).</summary>
    public DateTime Day { get; }

    public AuditExportAction Action { get; }

    public AuditExportFormat Format { get; }

    /// <summary>The day's exported file (written now or before); null for an empty day.</summary>
    public string? Path { get; }

    /// <summary>Rows in the day's file: one per entry.</summary>
    public long Entries { get; }

    /// <summary>The size of the day's file.</summary>
    public long Bytes { get; }

    /// <summary>How many audit files the day has.</summary>
    public int SourceFiles { get; }

    public override string ToString() => $"{Day:yyyy-MM-dd} {Action} {Entries} entries";
}
