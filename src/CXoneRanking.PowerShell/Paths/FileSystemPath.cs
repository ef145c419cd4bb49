using System.Management.Automation;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Paths;

/// <summary>
/// The checks every cmdlet makes on a path it writes to: resolved against PowerShell's current
/// location (not the process's), on the file system (not Env: or HKLM:), and an existing file
/// replaced only with -Force. Made before any slow work, so a long read never ends in "file exists".
/// </summary>
internal static class FileSystemPath
{
    /// <summary>
    /// <paramref name="path"/> as a full file-system path; a terminating <paramref name="errorId"/>
    /// error when it is on another provider. <paramref name="described"/> names the path in the
    /// message ("path", "audit path"), <paramref name="mustBe"/> says what it has to be ("a file").
    /// </summary>
    public static string Resolve(PSCmdlet cmdlet, string path, string errorId, string described, string mustBe)
    {
        var resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
        if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
            cmdlet.ThrowTerminatingError(ErrorRecords.InvalidArgument(errorId,
                $"The {described} '{path}' is on the {provider.Name} provider; it must be {mustBe}.", path,
                "Give a file-system path (a drive letter, a relative path or a UNC share), not a path on another provider."));
        return resolved;
    }

    /// <summary>The output file <paramref name="path"/> resolved, or a terminating PathNotFileSystem error.</summary>
    public static string ResolveOutputFile(PSCmdlet cmdlet, string path) => Resolve(cmdlet, path, "PathNotFileSystem", "path", "a file");

    /// <summary>
    /// The non-terminating <paramref name="errorId"/> error when <paramref name="file"/> exists and
    /// <paramref name="force"/> was not given; null when it may be written.
    /// </summary>
    public static ErrorRecord? RefuseToReplace(string file, bool force, string errorId) =>
        File.Exists(file) && !force
            ? ErrorRecords.Create(new IOException($"The file '{file}' already exists. Use -Force to replace it."),
                errorId, ErrorCategory.ResourceExists, file, "Add -Force to replace the file, or give another path.")
            : null;
}
