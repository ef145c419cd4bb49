namespace CXoneRanking.Rows;

/// <summary>The columns of a row shape that a <see cref="SnippetRowReader"/> reads, and what each means.</summary>
public sealed class RowSchema
{
    internal RowSchema(IEnumerable<SchemaColumn> columns, IEnumerable<string> absent)
    {
        Columns = columns.ToArray();
        Absent = absent.ToArray();
    }

    // Arrays, read with for loops: they are walked for every row.
    internal SchemaColumn[] Columns { get; }

    /// <summary>Wanted names the learning row lacked; a row that has one is of another shape.</summary>
    internal string[] Absent { get; }
}

/// <summary>Finds one column of the current row: false when the row has no such column.</summary>
public delegate bool CellLookup(string column, out object? value);

internal readonly struct SchemaColumn(string name, RowField? field, bool isMetadata, bool isSignal)
{
    public string Name { get; } = name;
    public RowField? Field { get; } = field;
    public bool IsMetadata { get; } = isMetadata;
    public bool IsSignal { get; } = isSignal;
}
