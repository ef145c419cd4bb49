using System.Text.Encodings.Web;
using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>
/// The JSON Lines format: one object per row with every column of <see cref="AuditExportSchema"/> in order, null
/// included, so an engine that infers the schema from a sample sees every column in every file.
/// </summary>
internal sealed class JsonLinesDayWriter(Stream output) : IAuditDayWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Utf8JsonWriter _json = new(output, Options);

    public void Write(AuditExportRow row)
    {
        _json.Reset();
        _json.WriteStartObject();
        foreach (var column in AuditExportSchema.Columns) WriteColumn(column, row);
        _json.WriteEndObject();
        _json.Flush();
        output.WriteByte((byte)'\n');
    }

    public void Complete() => output.Flush();

    public void Dispose() => _json.Dispose();

    private void WriteColumn(AuditExportColumn column, AuditExportRow row)
    {
        _json.WritePropertyName(column.Name);
        switch (column.Type)
        {
            case AuditExportColumnType.Timestamp: _json.WriteStringValue(AuditTimestamp.ToText(column.Timestamp!(row))); break;
            case AuditExportColumnType.String: WriteOrNull(column.String!(row), _json.WriteStringValue); break;
            case AuditExportColumnType.Int32: WriteOrNull(column.Int32!(row), v => _json.WriteNumberValue(v)); break;
            case AuditExportColumnType.Int64: WriteOrNull(column.Int64!(row), v => _json.WriteNumberValue(v)); break;
            case AuditExportColumnType.Double: WriteOrNull(column.Double!(row), v => _json.WriteNumberValue(v)); break;
            case AuditExportColumnType.Boolean: WriteOrNull(column.Boolean!(row), v => _json.WriteBooleanValue(v)); break;
            case AuditExportColumnType.StringList: WriteList(column.StringList!(row)); break;
            default: throw new InvalidOperationException($"No JSON form for {column.Type}.");
        }
    }

    private void WriteList(IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            _json.WriteNullValue();
            return;
        }
        _json.WriteStartArray();
        foreach (var value in values) _json.WriteStringValue(value);
        _json.WriteEndArray();
    }

    private void WriteOrNull(string? value, Action<string> write)
    {
        if (value is null) _json.WriteNullValue();
        else write(value);
    }

    private void WriteOrNull<T>(T? value, Action<T> write) where T : struct
    {
        if (value is { } v) write(v);
        else _json.WriteNullValue();
    }
}
