using System.Reflection;

namespace CXoneRanking.PowerShell.Loading;

/// <summary>
/// The module's private AssemblyLoadContext on PowerShell 7, named "CXoneRanking". It holds
/// CXoneRanking.Core and every assembly of <c>dependencies/</c> the platform does not list (Polly,
/// Microsoft.Extensions.Logging.Abstractions, ...). Those are loaded into it up front: a context
/// resolves a reference from what it has loaded before it falls back to the default context, so
/// Core binds to our Polly whatever copy another module put there.
/// Names the platform lists (System.Text.Json, System.Memory, ...) are left to the runtime: the
/// default context answers when its copy is at least the version asked for, else this context's
/// Resolving loads ours. So the import reads no file's metadata to compare versions.
/// The cmdlets (this assembly) stay in the default context, where PowerShell loaded them; when
/// they first need Core, the default context raises Resolving and gets the one copy loaded here,
/// so Core's types are the same objects on both sides.
/// </summary>
internal static class PrivateLoadContext
{
    public const string ContextName = "CXoneRanking";
    public const string CoreAssemblyName = "CXoneRanking.Core";

    private static readonly object Gate = new();
    // Kept for the life of the process: a re-import reuses them, and objects made by Core (a
    // connection in a variable) outlive Remove-Module.
    private static Assembly? _core;
    private static object? _context;
    private static DependencyFolder? _dependencies;
    private static Delegate? _defaultHandler;
    private static readonly Dictionary<string, Assembly> Resolved = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Loads the context once, routes the default context's requests for Core to it, and returns Core.</summary>
    /// <exception cref="FileNotFoundException">The module's layout has no dependencies/CXoneRanking.Core.dll.</exception>
    public static Assembly Install(DependencyFolder dependencies)
    {
        lock (Gate)
        {
            _core ??= LoadPrivately(dependencies);
            _defaultHandler ??= LoadContextApi.AddResolving(LoadContextApi.Default, OnDefaultResolving);
            return _core;
        }
    }

    public static void Remove()
    {
        lock (Gate)
        {
            if (_defaultHandler is null) return;
            LoadContextApi.RemoveResolving(LoadContextApi.Default, _defaultHandler);
            _defaultHandler = null;
        }
    }

    private static Assembly LoadPrivately(DependencyFolder dependencies)
    {
        if (dependencies.PathOf(CoreAssemblyName) is not { } corePath)
            throw new FileNotFoundException(
                $"The CXoneRanking module is incomplete: '{CoreAssemblyName}.dll' is missing from '{dependencies.Path}'. Reinstall the module.",
                CoreAssemblyName + ".dll");
        var context = LoadContextApi.Create(ContextName);
        (_context, _dependencies) = (context, dependencies);
        LoadContextApi.AddResolving(context, OnPrivateResolving);
        // Sharing the platform's copies costs no isolation (no module can replace them) and keeps
        // framework types (Span, JsonElement) the same everywhere.
        Assembly? core = null;
        foreach (var file in dependencies.Files)
        {
            if (PlatformAssemblies.Lists(file.Key)) continue;
            var assembly = LoadContextApi.LoadFromPath(context, file.Value);
            if (file.Value == corePath) core = assembly;
        }
        return core!;
    }

    /// <summary>
    /// Raised by the private context only when the default one could not answer either: a name
    /// the platform lists, in an older version than Core asks for (an older PowerShell on an older .NET
    /// and our System.Text.Json 10). Remembered by name: two threads may ask at once, and a context refuses
    /// to load the same file twice.
    /// </summary>
    private static Assembly? OnPrivateResolving(object context, AssemblyName name)
    {
        if (name.Name is null || _dependencies?.PathOf(name.Name) is not { } path) return null;
        lock (Resolved)
        {
            if (!Resolved.TryGetValue(name.Name, out var assembly))
                Resolved[name.Name] = assembly = LoadContextApi.LoadFromPath(_context!, path);
            return assembly;
        }
    }

    /// <summary>
    /// Raised by the default context only when it found nothing. It answers for Core alone:
    /// handing our private Polly to another module that lacks one would share what we isolate.
    /// </summary>
    private static Assembly? OnDefaultResolving(object context, AssemblyName name) =>
        string.Equals(name.Name, CoreAssemblyName, StringComparison.OrdinalIgnoreCase) ? _core : null;
}
