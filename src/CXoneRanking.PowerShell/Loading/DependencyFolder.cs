namespace CXoneRanking.PowerShell.Loading;

/// <summary>
/// The <c>dependencies/</c> folder beside the module's root assembly: CXoneRanking.Core and every
/// assembly it needs that PowerShell does not bring. Listed once, by file name, so answering "is
/// this one ours?" costs a dictionary lookup and never touches the disk again.
/// </summary>
internal sealed class DependencyFolder
{
    public const string FolderName = "dependencies";

    private static DependencyFolder? _besideModule;
    private readonly Dictionary<string, string> _files = new(StringComparer.OrdinalIgnoreCase);

    public DependencyFolder(string path)
    {
        Path = path;
        if (!Directory.Exists(path)) return;
        foreach (var file in Directory.EnumerateFiles(path, "*.dll"))
            _files[System.IO.Path.GetFileNameWithoutExtension(file)] = file;
    }

    /// <summary>The folder of the laid-out module (next to CXoneRanking.PowerShell.dll).</summary>
    public static DependencyFolder BesideModule => _besideModule ??=
        new DependencyFolder(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(typeof(DependencyFolder).Assembly.Location)!, FolderName));

    public string Path { get; }

    /// <summary>Every assembly in the folder: simple name to full path.</summary>
    public IReadOnlyDictionary<string, string> Files => _files;

    /// <summary>The full path of the assembly with this simple name, or null when we do not ship it.</summary>
    public string? PathOf(string simpleName) => _files.TryGetValue(simpleName, out var path) ? path : null;
}
