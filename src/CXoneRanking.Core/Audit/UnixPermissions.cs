using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace CXoneRanking.Audit;

/// <summary>
/// Owner-only modes for what the audit log creates on Unix: 0700 for directories, 0600 for files.
/// netstandard2.0 has no File.SetUnixFileMode, so it is called through reflection where the
/// runtime has it (.NET 7 and later, so PowerShell 7.4+) and libc's chmod otherwise (Mono).
/// On Windows the files inherit the user profile's ACLs and nothing is changed.
/// </summary>
internal static class UnixPermissions
{
    public const int OwnerOnlyDirectory = 0x1C0; // 0700
    public const int OwnerOnlyFile = 0x180;      // 0600

    private static readonly Type? UnixFileModeType = Type.GetType("System.IO.UnixFileMode");
    private static readonly MethodInfo? SetUnixFileMode = UnixFileModeType is null ? null
        : typeof(File).GetMethod("SetUnixFileMode", BindingFlags.Public | BindingFlags.Static, null, [typeof(string), UnixFileModeType], null);

    public static bool Applies => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>Creates <paramref name="directory"/> and any missing parents, each of them 0700 on Unix.</summary>
    public static void CreateDirectory(string directory)
    {
        var missing = new Stack<string>();
        for (var current = Path.GetFullPath(directory); current is not null && !Directory.Exists(current); current = Path.GetDirectoryName(current))
            missing.Push(current);
        Directory.CreateDirectory(directory);
        // Only what was created here is narrowed: an existing folder the user chose keeps its mode.
        foreach (var created in missing) Set(created, OwnerOnlyDirectory);
    }

    /// <summary>Sets <paramref name="path"/>'s mode on Unix; does nothing on Windows.</summary>
    public static void Set(string path, int mode)
    {
        if (!Applies) return;
        if (SetUnixFileMode is not null)
        {
            try
            {
                SetUnixFileMode.Invoke(null, [path, Enum.ToObject(UnixFileModeType!, mode)]);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
            return;
        }
        if (chmod(path, mode) != 0)
            throw new IOException($"Could not set the mode of '{path}' (errno {Marshal.GetLastWin32Error()}).");
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable IDE1006, SA1300 // the C name
    private static extern int chmod(string path, int mode);
#pragma warning restore IDE1006, SA1300
}
