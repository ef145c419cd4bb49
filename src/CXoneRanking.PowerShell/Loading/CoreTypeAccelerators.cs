using System.Management.Automation;
using System.Reflection;

namespace CXoneRanking.PowerShell.Loading;

/// <summary>
/// PowerShell resolves a type literal such as <c>[CXoneRanking.SnippetRank]</c> only among the
/// assemblies of its default load context, and Core lives in the module's private one. So each
/// public Core type is registered as a type accelerator under its own full name: scripts keep
/// writing <c>$rank -is [CXoneRanking.SnippetRank]</c> and get the very type the cmdlets use.
/// The former full names of moved types (FormerTypeNames) are registered too.
/// TypeAccelerators is internal to PowerShell (reached by reflection, as many modules do); if it
/// ever moves, only type literals are lost, never the cmdlets.
/// </summary>
internal static class CoreTypeAccelerators
{
    private static readonly object Gate = new();
    private static readonly List<string> Added = [];
    private static readonly Type? Accelerators = typeof(PSObject).Assembly.GetType("System.Management.Automation.TypeAccelerators");

    public static void Register(Assembly core)
    {
        var method = Accelerators?.GetMethod("Add", BindingFlags.Public | BindingFlags.Static, null, [typeof(string), typeof(Type)], null);
        if (method is null
            || Accelerators!.GetProperty("Get", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is not IDictionary<string, Type> existing)
            return;
        // One bound delegate rather than a reflective Invoke (and its argument array) per type.
        var add = (Action<string, Type>)Delegate.CreateDelegate(typeof(Action<string, Type>), method);
        lock (Gate)
        {
            foreach (var type in core.GetExportedTypes())
            {
                if (type.IsGenericTypeDefinition || type.FullName is not { } name || existing.ContainsKey(name)) continue;
                add(name, type);
                Added.Add(name);
            }
            foreach (var former in FormerTypeNames.ToCurrent)
            {
                if (existing.ContainsKey(former.Key) || core.GetType(former.Value) is not { } current) continue;
                add(former.Key, current);
                Added.Add(former.Key);
            }
        }
    }

    public static void Unregister()
    {
        var remove = Accelerators?.GetMethod("Remove", BindingFlags.Public | BindingFlags.Static, null, [typeof(string)], null);
        if (remove is null) return;
        lock (Gate)
        {
            foreach (var name in Added) remove.Invoke(null, [name]);
            Added.Clear();
        }
    }
}
