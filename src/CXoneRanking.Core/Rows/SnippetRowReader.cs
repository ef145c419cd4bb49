using System.Collections;
using System.Globalization;
using CXoneRanking.Ranking;

namespace CXoneRanking.Rows;

/// <summary>
/// Turns one input row (a CSV line, an object, a hashtable: any name/value pairs) into a
/// <see cref="SnippetRank"/>, matching column names (<see cref="RowColumns"/>) case-insensitively.
/// Reading the row here, rather than through PowerShell's by-property-name binding, costs a
/// fraction of the time. Plain name/value pairs in: the PSObject side is the PowerShell layer's.
/// One reader serves one pipeline: it is not thread-safe.
/// </summary>
public sealed class SnippetRowReader
{
    private readonly Dictionary<string, RowField> _fields =
        RowColumns.RankNames.ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _metadataColumns;
    private readonly ScoreMatrix? _matrix;
    private readonly string? _defaultSessionId;
    private readonly IDictionary? _sharedMetadata;
    private readonly StringPool _strings = new();
    private readonly RowDraft _draft;

    /// <param name="metadataColumns">Columns copied into each rank's metadata.</param>
    /// <param name="matrix">Signal columns weighted into the relevance score, if any.</param>
    /// <param name="defaultSessionId">The session of rows that name none.</param>
    /// <param name="sharedMetadata">Metadata every rank starts with; a row's own wins key by key.</param>
    /// <param name="invalidRowAction">Whether a refused row gets a stand-in that holds its session back.</param>
    public SnippetRowReader(IEnumerable<string>? metadataColumns = null, ScoreMatrix? matrix = null, string? defaultSessionId = null,
        IDictionary? sharedMetadata = null, InvalidRowAction invalidRowAction = InvalidRowAction.DropRow)
    {
        _metadataColumns = new HashSet<string>(metadataColumns ?? [], StringComparer.OrdinalIgnoreCase);
        _matrix = matrix;
        _defaultSessionId = defaultSessionId;
        _sharedMetadata = sharedMetadata;
        _draft = new RowDraft(_strings, invalidRowAction);
    }

    /// <summary>Column names this reader understands, so callers can skip the rest cheaply.</summary>
    public bool Wants(string column) =>
        _fields.ContainsKey(column) || _metadataColumns.Contains(column) || (_matrix?.HasSignal(column) ?? false);

    /// <summary>A rank, or the one problem that makes the row unusable (named after its snippet).</summary>
    public RowReadResult Read(IEnumerable<KeyValuePair<string, object?>> row, int rowNumber)
    {
        var draft = Begin(rowNumber);
        foreach (var cell in row)
            if (Wants(cell.Key)) Apply(draft, Column(cell.Key), cell.Value);
        return draft.Complete(_matrix, _defaultSessionId);
    }

    /// <summary>
    /// The columns of one row shape that matter, learned once from a row's cells. Rows from
    /// Import-Csv all share a shape, and looking five known names up is far cheaper than walking
    /// every property. The schema also lists what the row lacked (a field's names, a metadata or
    /// signal column), so a later row that has more is noticed and learned afresh; a Metadata
    /// dictionary is looked for only where rows are objects, since a CSV cell is always text.
    /// A stand-in's RowError column is looked for only in a shape that has it (an exported stand-in's CSV
    /// has it on every row): listing it as lacked would cost every other row one more lookup.
    /// </summary>
    public RowSchema Learn(IReadOnlyList<KeyValuePair<string, object?>> cells)
    {
        var columns = cells.Select(c => c.Key).Where(Wants).Distinct(StringComparer.OrdinalIgnoreCase).Select(Column).ToList();
        var present = new HashSet<string>(columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        var covered = new HashSet<RowField>(columns.Where(c => c.Field is not null).Select(c => c.Field!.Value));
        if (cells.All(c => c.Value is null or string)) covered.Add(RowField.Metadata);
        var absent = _fields.Where(f => !covered.Contains(f.Value) && f.Value != RowField.RowError).Select(f => f.Key)
            .Concat(_metadataColumns).Concat(_matrix?.Weights.Select(w => w.Key) ?? [])
            .Where(name => !present.Contains(name)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new RowSchema(columns, absent);
    }

    /// <summary>
    /// Reads a row through a learned schema; false when the row is of another shape (it lacks a
    /// learned column, or has one the schema lacked).
    /// </summary>
    public bool TryRead(RowSchema schema, CellLookup lookup, int rowNumber, out RowReadResult result)
    {
        result = default;
        var absent = schema.Absent;
        for (var i = 0; i < absent.Length; i++)
            if (lookup(absent[i], out _)) return false;
        var draft = Begin(rowNumber);
        var columns = schema.Columns;
        for (var i = 0; i < columns.Length; i++)
        {
            if (!lookup(columns[i].Name, out var value)) return false;
            Apply(draft, in columns[i], value);
        }
        result = draft.Complete(_matrix, _defaultSessionId);
        return true;
    }

    private RowDraft Begin(int rowNumber)
    {
        var draft = _draft.Begin(rowNumber);
        if (_sharedMetadata is not null) draft.Set(RowField.Metadata, _sharedMetadata);
        return draft;
    }

    private SchemaColumn Column(string name) => new(name,
        _fields.TryGetValue(name, out var field) ? field : null,
        _metadataColumns.Contains(name),
        _matrix?.HasSignal(name) ?? false);

    private void Apply(RowDraft draft, in SchemaColumn column, object? value)
    {
        if (column.Field is { } field) draft.Set(field, value, column.Name);
        if (column.IsMetadata && value is not null)
        {
            if (NotText(column.Name, value) is { } problem) draft.RefuseMetadata(problem);
            else draft.Metadata[column.Name] = _strings.Share(Text(value));
        }
        if (column.IsSignal) draft.Signals[column.Name] = value;
    }

    internal static string Text(object value) =>
        value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? string.Empty;

    /// <summary>
    /// Copies a metadata dictionary's entries (a later one wins key by key, in any case); returns the
    /// first problem, or null. Keys compare case-insensitively, as directives match them, so two keys of one
    /// dictionary that differ only in case would lose a value: refused, as is a value that is not text.
    /// </summary>
    /// <param name="value">The metadata: anything but a dictionary is ignored.</param>
    /// <param name="into">The rank's metadata so far.</param>
    /// <param name="keys">Scratch space, emptied here: the keys this dictionary gave, as it spelled them.</param>
    internal static string? CopyMetadata(object? value, IDictionary<string, string> into, Dictionary<string, string> keys)
    {
        if (value is not IDictionary dictionary) return null;
        string? problem = null;
        keys.Clear();
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is null || entry.Value is null) continue;
            var key = Text(entry.Key);
            if (keys.TryGetValue(key, out var other))
                problem ??= $"the metadata keys '{other}' and '{key}' differ only in letter case, and keys match in any case; "
                    + "rename or remove one";
            else if (NotText(key, entry.Value) is { } notText)
                problem ??= notText;
            else
            {
                keys.Add(key, key);
                into[key] = Text(entry.Value);
            }
        }
        return problem;
    }

    // Metadata is text to text on the wire (docs/design.md#ranking-payload): a list or table would be sent as its type name.
    private static string? NotText(string key, object value) =>
        value is IEnumerable and not string
            ? $"the value of metadata key '{key}' is a {(value is IDictionary ? "table" : "list")} ({value.GetType().Name}); "
                + "metadata values are text, numbers or dates: flatten it, or convert it to text (ConvertTo-Json -Compress)"
            : null;
}
