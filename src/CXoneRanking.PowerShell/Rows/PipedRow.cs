using System.Collections;
using System.Management.Automation;
using CXoneRanking.Rows;

namespace CXoneRanking.PowerShell.Rows;

/// <summary>
/// Reads piped rows (CSV rows, objects, hashtables) for a <see cref="SnippetRowReader"/>: the
/// PSObject side of reading a row, which Core (no PowerShell reference) cannot do. Walking every
/// property of every row is what makes by-property-name binding slow, so the columns that matter
/// are learned from the first row and then looked up by name; a row of another shape (a learned
/// column missing) is learned afresh. One per cmdlet invocation: it keeps the current row.
/// </summary>
internal sealed class PipedRow
{
    private readonly SnippetRowReader _reader;
    private readonly CellLookup _lookup;
    private RowSchema? _schema;
    private PSObject? _row;
    private PSMemberInfoCollection<PSMemberInfo>? _members;

    public PipedRow(SnippetRowReader reader)
    {
        _reader = reader;
        // One delegate for all rows, reading whichever row is current.
        _lookup = (string column, out object? value) => TryGetProperty(_row!, _members!, column, out value);
    }

    public RowReadResult Read(PSObject row, int rowNumber)
    {
        if (row.BaseObject is IDictionary dictionary)
            return _reader.Read(RowCells.Entries(dictionary), rowNumber);
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
            cells.Add(new(property.Name, property.IsGettable ? ValueOf(property) : null));
        return cells;
    }

    // Members[name] finds a CSV row's note property several times faster than Properties[name];
    // the latter is asked only when a method of that name shadows the property in Members.
    private static bool TryGetProperty(PSObject row, PSMemberInfoCollection<PSMemberInfo> members, string column, out object? value)
    {
        value = null;
        var member = members[column];
        if (member is null) return false;
        var property = member as PSPropertyInfo ?? row.Properties[column];
        if (property is null) return false;
        value = ValueOf(property);
        return true;
    }

    private static object? ValueOf(PSPropertyInfo property)
    {
        try
        {
            return RowCells.Unwrap(property.Value);
        }
        catch (GetValueException)
        {
            return null; // a property that throws reads as empty
        }
    }
}
