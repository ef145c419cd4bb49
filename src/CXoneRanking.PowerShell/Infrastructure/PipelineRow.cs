using System.Collections;
using System.Management.Automation;
using CXoneRanking.Ranking;

namespace CXoneRanking.PowerShell.Infrastructure;

/// <summary>
/// The cells of one piped object as name/value pairs: hashtable entries, or the properties of a
/// CSV row or any other object. Only the columns the reader wants are read, because reading an
/// adapted property can be costly (or throw).
/// </summary>
internal static class PipelineRow
{
    public static IEnumerable<KeyValuePair<string, object?>> Cells(PSObject row, SnippetRowReader reader)
    {
        if (row.BaseObject is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
                if (entry.Key?.ToString() is { } key && reader.Wants(key))
                    yield return new(key, Unwrap(entry.Value));
            yield break;
        }
        foreach (var property in row.Properties)
        {
            if (!property.IsGettable || !reader.Wants(property.Name)) continue;
            object? value;
            try { value = property.Value; }
            catch (GetValueException) { continue; }
            yield return new(property.Name, Unwrap(value));
        }
    }

    public static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
