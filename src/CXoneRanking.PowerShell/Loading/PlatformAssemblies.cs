using System.Reflection;

namespace CXoneRanking.PowerShell.Loading;

/// <summary>
/// The host's trusted platform assemblies: the .NET runtime's and PowerShell's own (those listed
/// in pwsh.deps.json). The default load context always resolves these names to these files, so
/// no other module can have loaded a different version of them.
/// </summary>
internal static class PlatformAssemblies
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, bool> Verdicts = new(StringComparer.OrdinalIgnoreCase);
    private static Dictionary<string, string>? s_paths;

    /// <summary>True when the platform has <paramref name="name"/> in at least the version of the file at <paramref name="ourPath"/>.</summary>
    public static bool Provides(string name, string ourPath)
    {
        lock (Gate)
        {
            if (Verdicts.TryGetValue(name, out var known)) return known;
            var provided = Paths().TryGetValue(name, out var platformPath)
                && VersionOf(platformPath) is { } platform && VersionOf(ourPath) is { } ours
                && platform >= ours;
            Verdicts[name] = provided;
            return provided;
        }
    }

    private static Dictionary<string, string> Paths()
    {
        if (s_paths is not null) return s_paths;
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        foreach (var path in list.Split([System.IO.Path.PathSeparator], StringSplitOptions.RemoveEmptyEntries))
            paths[System.IO.Path.GetFileNameWithoutExtension(path)] = path;
        return s_paths = paths;
    }

    // Reads the metadata only; the file is not loaded.
    private static Version? VersionOf(string path)
    {
        try { return AssemblyName.GetAssemblyName(path).Version; }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException) { return null; }
    }
}
