using Parquet.Schema;

namespace CXoneRanking.Audit;

/// <summary>The Parquet schema of <see cref="AuditExportSchema"/>: one field per column, of the column's type.</summary>
internal static class ParquetColumns
{
    public static ParquetSchema Schema { get; } = new(AuditExportSchema.Columns.Select(FieldOf));

    private static Field FieldOf(AuditExportColumn column) => column.Type switch
    {
        AuditExportColumnType.Timestamp => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true,
            unit: DateTimeTimeUnit.Millis, isNullable: false),
        AuditExportColumnType.String => new DataField<string>(column.Name, nullable: !column.Required),
        AuditExportColumnType.Int32 => new DataField<int?>(column.Name),
        AuditExportColumnType.Int64 => new DataField<long?>(column.Name),
        AuditExportColumnType.Double => new DataField<double?>(column.Name),
        AuditExportColumnType.Boolean => new DataField<bool?>(column.Name),
        AuditExportColumnType.StringList => new ListField(column.Name, new DataField<string>("element", nullable: false)),
        _ => throw new InvalidOperationException($"No Parquet type for {column.Type}."),
    };
}
