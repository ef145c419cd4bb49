namespace CXoneRanking.PowerShell.Loading;

/// <summary>
/// The host's trusted platform assemblies: the .NET runtime's and PowerShell's own (those listed
/// in pwsh.deps.json). The default load context always resolves these names to these files, so
/// no other module can have loaded a different version of them.
/// Only the names are read, never the files: which version is new enough is left to the runtime
/// (see <see cref="PrivateLoadContext"/>), and reading assembly metadata at import cost more than
/// every other step of the load context together.
/// </summary>
internal static class PlatformAssemblies
{
    private static readonly object Gate = new();
    private static HashSet<string>? _names;

    /// <summary>True when the platform has an assembly named <paramref name="name"/>, in any version.</summary>
    public static bool Lists(string name)
    {
        lock (Gate)
        {
            if (_names is null)
            {
                _names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
                foreach (var path in list.Split([System.IO.Path.PathSeparator], StringSplitOptions.RemoveEmptyEntries))
                    _names.Add(System.IO.Path.GetFileNameWithoutExtension(path));
            }
            return _names.Contains(name);
        }
    }
}
