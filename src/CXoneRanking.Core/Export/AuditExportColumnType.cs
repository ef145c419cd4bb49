namespace CXoneRanking.Audit;

/// <summary>The type of an exported column, as both formats write it (docs/audit-log.md#export).</summary>
internal enum AuditExportColumnType
{
    /// <summary>Parquet TIMESTAMP(MILLIS, UTC); JSON: ISO 8601 UTC text with milliseconds.</summary>
    Timestamp,

    /// <summary>Parquet UTF-8 string; JSON string.</summary>
    String,

    /// <summary>Parquet INT32; JSON number.</summary>
    Int32,

    /// <summary>Parquet INT64; JSON number.</summary>
    Int64,

    /// <summary>Parquet DOUBLE; JSON number.</summary>
    Double,

    /// <summary>Parquet BOOLEAN; JSON true/false.</summary>
    Boolean,

    /// <summary>Parquet LIST of UTF-8 strings; JSON array of strings.</summary>
    StringList,
}
