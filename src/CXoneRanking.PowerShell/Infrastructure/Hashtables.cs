using System.Collections;
using System.Globalization;

namespace CXoneRanking.PowerShell.Infrastructure;

internal static class Hashtables
{
    /// <summary>A hashtable's entries with their values unwrapped from PSObject.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Entries(IDictionary? table)
    {
        if (table is null) yield break;
        foreach (DictionaryEntry entry in table)
            yield return new(Convert.ToString(PipelineRow.Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty,
                PipelineRow.Unwrap(entry.Value));
    }
}
