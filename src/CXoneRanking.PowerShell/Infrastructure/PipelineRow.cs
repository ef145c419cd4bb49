using System.Collections;
using System.Management.Automation;
using CXoneRanking.Ranking;

namespace CXoneRanking.PowerShell.Infrastructure;

/// <summary>
/// Reads piped rows (CSV rows, objects, hashtables) for a <see cref="SnippetRowReader"/>. Walking
/// every property of every row is what makes by-property-name binding slow, so the columns that
/// matter are learned from the first row and then looked up by name; a row of another shape (a
/// learned column missing) is learned afresh.
/// </summary>
internal sealed class PipelineRow
{
    private readonly SnippetRowReader _reader;
    private readonly CellLookup _lookup;
    private RowSchema? _schema;
    private PSObject? _row;
    private PSMemberInfoCollection<PSMemberInfo>? _members;

    public PipelineRow(SnippetRowReader reader)
    {
        _reader = reader;
        _lookup = (string column, out object? value) => TryGetProperty(_row!, _members!, column, out value); // one delegate for all rows
    }

    public RowReadResult Read(PSObject row, int rowNumber)
    {
        if (row.BaseObject is IDictionary dictionary)
            return _reader.Read(Entries(dictionary), rowNumber);
        _row = row;
        _members = row.Members;
        if (_schema is not null && _reader.TryRead(_schema, _lookup, rowNumber, out var result))
            return result;
        _schema = _reader.Learn(Cells(row));
        _reader.TryRead(_schema, _lookup, rowNumber, out result);
        return result;
    }

    private static List<KeyValuePair<string, object?>> Cells(PSObject row)
    {
        var cells = new List<KeyValuePair<string, object?>>();
        foreach (var property in row.Properties)
        {
            object? value = null;
            try { value = property.IsGettable ? Unwrap(property.Value) : null; }
            catch (GetValueException) { }
            cells.Add(new(property.Name, value));
        }
        return cells;
    }

    public static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    // Members[name] finds a CSV row's note property several times faster than Properties[name];
    // the latter is asked only when a method of that name shadows the property in Members.
    private static bool TryGetProperty(PSObject row, PSMemberInfoCollection<PSMemberInfo> members, string column, out object? value)
    {
        value = null;
        var member = members[column];
        if (member is null) return false;
        var property = member as PSPropertyInfo ?? row.Properties[column];
        if (property is null) return false;
        try { value = Unwrap(property.Value); }
        catch (GetValueException) { } // a property that throws reads as empty
        return true;
    }

    private IEnumerable<KeyValuePair<string, object?>> Entries(IDictionary dictionary)
    {
        foreach (DictionaryEntry entry in dictionary)
            if (entry.Key?.ToString() is { } key && _reader.Wants(key))
                yield return new(key, Unwrap(entry.Value));
    }
}
