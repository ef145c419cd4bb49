using Parquet;
using Parquet.Schema;

namespace CXoneRanking.Audit;

/// <summary>One column of a row group: the rows' values of that column in the field's .NET type.</summary>
internal static class ParquetColumnWriter
{
    public static void Write(ParquetRowGroupWriter group, DataField field, AuditExportColumn column, List<AuditExportRow> rows)
    {
        var task = column.Type switch
        {
            AuditExportColumnType.Timestamp => group.WriteAsync<DateTime>(field, rows.Select(column.Timestamp!).ToArray()),
            AuditExportColumnType.String => group.WriteAsync(field, rows.Select(column.String!).ToArray()),
            AuditExportColumnType.Int32 => group.WriteAsync<int>(field, rows.Select(column.Int32!).ToArray()),
            AuditExportColumnType.Int64 => group.WriteAsync<long>(field, rows.Select(column.Int64!).ToArray()),
            AuditExportColumnType.Double => group.WriteAsync<double>(field, rows.Select(column.Double!).ToArray()),
            AuditExportColumnType.Boolean => group.WriteAsync<bool>(field, rows.Select(column.Boolean!).ToArray()),
            AuditExportColumnType.StringList => WriteList(group, field, rows.Select(column.StringList!)),
            _ => throw new InvalidOperationException($"No Parquet writer for {column.Type}."),
        };
        task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// A list column flattened with its repetition levels: 0 starts a row's list, 1 continues it. An empty list (every
    /// entry but a ranking's) is one null value at level 0, which readers see as an empty list.
    /// </summary>
    private static Task WriteList(ParquetRowGroupWriter group, DataField field, IEnumerable<IReadOnlyList<string>?> lists)
    {
        var values = new List<string?>();
        var levels = new List<int>();
        foreach (var list in lists)
        {
            if (list is null || list.Count == 0)
            {
                values.Add(null);
                levels.Add(0);
                continue;
            }
            for (var i = 0; i < list.Count; i++)
            {
                values.Add(list[i]);
                levels.Add(i == 0 ? 0 : 1);
            }
        }
        return group.WriteAsync(field, values, levels.ToArray());
    }
}
