using Parquet;
using Parquet.Schema;

namespace CXoneRanking.Audit;

/// <summary>
/// Writes a day's rows as Parquet, one row group per <see cref="RowGroupRows"/> rows, so a busy day never has to fit in
/// memory whole. Parquet.Net is asynchronous only; the export runs on the cmdlet's thread, with no synchronization
/// context to deadlock on.
/// </summary>
internal sealed class ParquetDayWriter : IAuditDayWriter
{
    public const int RowGroupRows = 50_000;

    private readonly ParquetWriter _writer;
    private readonly List<AuditExportRow> _rows = new(RowGroupRows);
    private readonly DataField[] _fields = ParquetColumns.Schema.GetDataFields();

    public ParquetDayWriter(Stream output)
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        _writer = ParquetWriter.CreateAsync(ParquetColumns.Schema, output, options).GetAwaiter().GetResult();
        _writer.CustomMetadata = new Dictionary<string, string>
        {
            [AuditExportSchema.VersionKey] = AuditExportSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public void Write(AuditExportRow row)
    {
        _rows.Add(row);
        if (_rows.Count == RowGroupRows) Flush();
    }

    public void Complete()
    {
        if (_rows.Count > 0) Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    public void Dispose() => _rows.Clear();

    private void Flush()
    {
        using (var group = _writer.CreateRowGroup())
        {
            for (var i = 0; i < _fields.Length; i++) ParquetColumnWriter.Write(group, _fields[i], AuditExportSchema.Columns[i], _rows);
            group.CompleteValidate();
        }
        _rows.Clear();
    }
}
