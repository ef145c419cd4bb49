using System.Reflection;

namespace CXoneRanking.PowerShell.Loading;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework) has no load contexts, so there is no isolation there:
/// this resolver only makes the files in <c>dependencies/</c> loadable, the way a module with its
/// assemblies beside the root one would load them. It answers for any version of a name we ship,
/// which also stands in for the binding redirects the netstandard2.0 polyfills (System.Memory,
/// System.Runtime.CompilerServices.Unsafe, ...) need on .NET Framework. .NET raises
/// AssemblyResolve too, so tests/CXoneRanking.PowerShell.Tests runs this class there; what only
/// .NET Framework does (the LoadFrom context, its binding policy) is untested: no Windows here.
/// </summary>
internal static class FrameworkResolver
{
    private static readonly object Gate = new();
    private static DependencyFolder? _dependencies;

    public static void Install(DependencyFolder dependencies)
    {
        lock (Gate)
        {
            if (_dependencies is not null) return;
            _dependencies = dependencies;
            AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
        }
    }

    public static void Remove()
    {
        lock (Gate)
        {
            if (_dependencies is null) return;
            AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
            _dependencies = null;
        }
    }

    private static Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        if (name is null || _dependencies?.PathOf(name) is not { } path) return null;
        // Already loaded from our folder (another version was asked for): that one, not a second copy.
        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
            if (!loaded.IsDynamic && string.Equals(loaded.Location, path, StringComparison.OrdinalIgnoreCase)) return loaded;
        return Assembly.LoadFrom(path);
    }
}
