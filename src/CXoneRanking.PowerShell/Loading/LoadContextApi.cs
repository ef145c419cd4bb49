using System.Reflection;

namespace CXoneRanking.PowerShell.Loading;

/// <summary>
/// System.Runtime.Loader.AssemblyLoadContext, reached by reflection: netstandard2.0 has no such
/// type, and a type deriving from it would be a type .NET Framework (Windows PowerShell) cannot
/// load. Each member is looked up once; the import pays for a handful of lookups, not one per
/// assembly.
/// </summary>
internal static class LoadContextApi
{
    private static readonly Type? ContextType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");
    private static MethodInfo? _loadFromPath;
    private static EventInfo? _resolving;

    /// <summary>True on .NET Core 3+ (PowerShell 7), false on .NET Framework.</summary>
    public static bool IsAvailable => ContextType is not null;

    public static object Default => ContextType!.GetProperty("Default")!.GetValue(null)!;

    /// <summary>A new, non-collectible context (objects made by Core may outlive Remove-Module).</summary>
    public static object Create(string name) => ContextType!.GetConstructor([typeof(string), typeof(bool)])!.Invoke([name, false]);

    /// <exception cref="FileLoadException">The file is not an assembly this runtime can load.</exception>
    public static Assembly LoadFromPath(object context, string path)
    {
        _loadFromPath ??= ContextType!.GetMethod("LoadFromAssemblyPath", [typeof(string)])!;
        try
        {
            return (Assembly)_loadFromPath.Invoke(context, [path])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new FileLoadException($"The CXoneRanking module could not load '{path}': {e.InnerException.Message}", path, e.InnerException);
        }
    }

    /// <summary>Subscribes <paramref name="handler"/> (object context, AssemblyName name) to the context's Resolving event.</summary>
    public static Delegate AddResolving(object context, Func<object, AssemblyName, Assembly?> handler)
    {
        _resolving ??= ContextType!.GetEvent("Resolving")!;
        var typed = Delegate.CreateDelegate(_resolving.EventHandlerType!, handler.Target, handler.Method);
        _resolving.AddEventHandler(context, typed);
        return typed;
    }

    public static void RemoveResolving(object context, Delegate handler) =>
        (_resolving ??= ContextType!.GetEvent("Resolving")!).RemoveEventHandler(context, handler);
}
