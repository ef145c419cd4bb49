using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace CXoneRanking.PowerShell.Rows;

/// <summary>The cells of a piped row (a CSV row, an object, a hashtable), read by name, with values unwrapped from PSObject.</summary>
internal static class RowCells
{
    /// <summary>The value of the first of <paramref name="names"/> the row has (a property or hashtable key), unwrapped; null if none.</summary>
    public static object? First(PSObject row, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (row.BaseObject is IDictionary dictionary)
            {
                if (dictionary.Contains(name)) return Unwrap(dictionary[name]);
                continue;
            }
            if (row.Properties[name] is { IsGettable: true } property)
            {
                try
                {
                    return Unwrap(property.Value);
                }
                catch (GetValueException)
                {
                    // a property whose getter throws is as good as absent
                }
            }
        }
        return null;
    }

    /// <summary>A hashtable's entries, keys as invariant text and values unwrapped.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Entries(IDictionary? table)
    {
        if (table is null) yield break;
        foreach (DictionaryEntry entry in table)
            yield return new(Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty, Unwrap(entry.Value));
    }

    public static object? Unwrap(object? value)
    {
        var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        // A table's values may be wrapped too (a table made from command output): unwrapped one level, so that Core
        // sees a nested table or list as one and refuses it (InvalidMetadata) instead of sending its type name.
        return unwrapped is IDictionary table and not Dictionary<string, string> && HasWrappedValue(table) ? UnwrappedValues(table) : unwrapped;
    }

    /// <summary>A copy of <paramref name="table"/> with keys and values unwrapped once; keys that differ only in case stay apart.</summary>
    public static Hashtable? UnwrappedValues(IDictionary? table)
    {
        if (table is null) return null;
        var copy = new Hashtable(table.Count, StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
        {
            var key = entry.Key is PSObject wrappedKey ? wrappedKey.BaseObject : entry.Key;
            copy[key] = entry.Value is PSObject wrappedValue ? wrappedValue.BaseObject : entry.Value;
        }
        return copy;
    }

    private static bool HasWrappedValue(IDictionary table)
    {
        foreach (DictionaryEntry entry in table)
            if (entry.Value is PSObject || entry.Key is PSObject) return true;
        return false;
    }
}
