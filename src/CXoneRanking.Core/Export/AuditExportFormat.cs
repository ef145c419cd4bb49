namespace CXoneRanking;

/// <summary>The file format Export-RankingAuditLog writes (docs/audit-log.md#export).</summary>
public enum AuditExportFormat
{
    /// <summary>Apache Parquet, typed columns, Snappy-compressed: one <c>.parquet</c> file per day.</summary>
    Parquet,

    /// <summary>The same rows as JSON objects, one per line: one <c>.jsonl</c> file per day.</summary>
    JsonLines,
}
