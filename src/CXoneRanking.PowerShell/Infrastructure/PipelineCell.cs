using System.Collections;
using System.Management.Automation;

namespace CXoneRanking.PowerShell.Infrastructure;

/// <summary>One cell of a piped row looked up by name, for cmdlets that read a few known columns.</summary>
internal static class PipelineCell
{
    /// <summary>The value of the first of <paramref name="names"/> the row has (a property or hashtable key), unwrapped; null if none.</summary>
    public static object? First(PSObject row, params string[] names)
    {
        foreach (var name in names)
        {
            if (row.BaseObject is IDictionary dictionary)
            {
                if (dictionary.Contains(name)) return PipelineRow.Unwrap(dictionary[name]);
                continue;
            }
            if (row.Properties[name] is { IsGettable: true } property)
            {
                try { return PipelineRow.Unwrap(property.Value); }
                catch (GetValueException) { } // a property whose getter throws is as good as absent
            }
        }
        return null;
    }
}
