namespace CXoneRanking.Audit;

/// <summary>Writes one day's rows to a stream in one format; <see cref="Complete"/> ends the file (footer, last flush).</summary>
internal interface IAuditDayWriter : IDisposable
{
    void Write(AuditExportRow row);

    void Complete();
}

/// <summary>A format of the export: the extension of its files and a writer for each day's stream.</summary>
internal interface IAuditDayWriterFactory
{
    /// <summary>With the dot: <c>.parquet</c>, <c>.jsonl</c>.</summary>
    string Extension { get; }

    IAuditDayWriter Create(Stream output);
}
