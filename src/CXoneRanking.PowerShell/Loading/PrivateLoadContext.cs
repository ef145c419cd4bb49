using System.Reflection;

namespace CXoneRanking.PowerShell.Loading;

/// <summary>
/// The module's private AssemblyLoadContext on PowerShell 7, named "CXoneRanking". It holds
/// CXoneRanking.Core and every assembly of <c>dependencies/</c> that the platform does not already
/// provide at least as new (Polly, Microsoft.Extensions.Logging.Abstractions, ...). They are loaded
/// into it up front: a context resolves a reference from what it has loaded before it falls back
/// to the default context, so Core binds to our Polly whatever copy another module put there.
/// The cmdlets (this assembly) stay in the default context, where PowerShell loaded them; when
/// they first need Core, the default context raises Resolving and gets the one copy loaded here,
/// so Core's types are the same objects on both sides.
/// The context is reached by reflection: netstandard2.0 has no AssemblyLoadContext, and a type
/// deriving from it would be a type .NET Framework (Windows PowerShell) cannot load.
/// </summary>
internal static class PrivateLoadContext
{
    public const string ContextName = "CXoneRanking";
    public const string CoreAssemblyName = "CXoneRanking.Core";

    private static readonly Type? ContextType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");
    private static readonly object Gate = new();
    // Kept for the life of the process: a re-import reuses them, and objects made by Core (a
    // connection in a variable) outlive Remove-Module.
    private static Assembly? s_core;
    private static Delegate? s_handler;

    /// <summary>True on .NET Core 3+ (PowerShell 7), false on .NET Framework.</summary>
    public static bool IsAvailable => ContextType is not null;

    /// <summary>Loads the context once, routes the default context's requests for Core to it, and returns Core.</summary>
    /// <exception cref="FileNotFoundException">The module's layout has no dependencies/CXoneRanking.Core.dll.</exception>
    public static Assembly Install(DependencyFolder dependencies)
    {
        lock (Gate)
        {
            s_core ??= LoadPrivately(dependencies);
            if (s_handler is null)
            {
                var resolving = ContextType!.GetEvent("Resolving")!;
                s_handler = Delegate.CreateDelegate(resolving.EventHandlerType!, typeof(PrivateLoadContext).GetMethod(nameof(OnDefaultResolving), BindingFlags.NonPublic | BindingFlags.Static)!);
                resolving.AddEventHandler(DefaultContext(), s_handler);
            }
            return s_core;
        }
    }

    public static void Remove()
    {
        lock (Gate)
        {
            if (s_handler is null) return;
            ContextType!.GetEvent("Resolving")!.RemoveEventHandler(DefaultContext(), s_handler);
            s_handler = null;
        }
    }

    private static Assembly LoadPrivately(DependencyFolder dependencies)
    {
        if (dependencies.PathOf(CoreAssemblyName) is null)
            throw new FileNotFoundException(
                $"The CXoneRanking module is incomplete: '{CoreAssemblyName}.dll' is missing from '{dependencies.Path}'. Reinstall the module.",
                CoreAssemblyName + ".dll");
        var context = ContextType!.GetConstructor([typeof(string), typeof(bool)])!.Invoke([ContextName, false]);
        var load = ContextType.GetMethod("LoadFromAssemblyPath", [typeof(string)])!;
        Assembly? core = null;
        foreach (var file in dependencies.Files)
        {
            // The platform's copies (the runtime's System.Memory, PowerShell's System.Text.Json) are
            // loaded once per process and no module can replace them: sharing them costs no
            // isolation and keeps framework types (Span, JsonElement) the same everywhere.
            if (PlatformAssemblies.Provides(file.Key, file.Value)) continue;
            try
            {
                var assembly = (Assembly)load.Invoke(context, [file.Value])!;
                if (string.Equals(file.Key, CoreAssemblyName, StringComparison.OrdinalIgnoreCase)) core = assembly;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new FileLoadException($"The CXoneRanking module could not load '{file.Value}': {e.InnerException.Message}", file.Value, e.InnerException);
            }
        }
        return core!;
    }

    private static object DefaultContext() => ContextType!.GetProperty("Default")!.GetValue(null)!;

    /// <summary>
    /// Raised by the default context only when it found nothing. It answers for Core alone:
    /// handing our private Polly to another module that lacks one would share what we isolate.
    /// </summary>
    private static Assembly? OnDefaultResolving(object context, AssemblyName name) =>
        string.Equals(name.Name, CoreAssemblyName, StringComparison.OrdinalIgnoreCase) ? s_core : null;
}
