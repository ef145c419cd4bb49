namespace CXoneRanking.Audit;

/// <summary>The Parquet format; Core creates it by name (<see cref="AuditExportFormats"/>), so it needs a public constructor.</summary>
internal sealed class ParquetDayWriterFactory : IAuditDayWriterFactory
{
    public string Extension => ".parquet";

    public IAuditDayWriter Create(Stream output) => new ParquetDayWriter(output);
}
