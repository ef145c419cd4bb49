using System.Diagnostics;
using System.Globalization;
using CXoneRanking.Audit;
using CXoneRanking.Audit.Tests;

namespace CXoneRanking.FrameworkTests;

/// <summary>
/// The owner-only modes of the audit log, through Core's libc chmod fallback: Mono has no
/// File.SetUnixFileMode, so this is the only leg that runs that branch. (Audit.Tests'
/// UnixPermissionsTests reads modes with File.GetUnixFileMode, which .NET Framework lacks; here
/// the mode is read with stat(1).) Windows PowerShell 5.1 never takes this branch: on Windows the
/// files inherit the profile's ACLs.
/// </summary>
public class MonoUnixModeTests
{
    private const string OnWindows = "Windows has ACLs, not Unix modes; Core changes nothing there";

    [UnixOnlyFact(OnWindows)]
    public void Directories_and_files_the_log_creates_are_owner_only()
    {
        using var dir = new TempDirectory();
        var parent = dir.Sub("parent");
        var audit = Path.Combine(parent, "audit");

        Entries.Writer(audit, o => o.MaxFileBytes = 1).Append([Entries.Click("s", "a", 1), Entries.Click("s", "b", 1)]);

        Assert.Equal("700", OctalMode(parent));
        Assert.Equal("700", OctalMode(audit));
        var files = Directory.GetFiles(audit, "*", SearchOption.TopDirectoryOnly);
        Assert.Equal(3, files.Length); // two rolled log files and the lock file
        Assert.All(files, f => Assert.Equal("600", OctalMode(f)));
    }

    [UnixOnlyFact(OnWindows)]
    public void An_existing_directory_keeps_its_mode()
    {
        using var dir = new TempDirectory();
        Run("chmod", "750", dir.Path);

        Entries.Writer(dir.Path).Append(Entries.Click("s", "a", 1));

        Assert.Equal("750", OctalMode(dir.Path));
        Assert.Equal("600", OctalMode(AuditLogFile.List(dir.Path).Single().Path));
    }

    private static string OctalMode(string path) => Run("stat", "-c", "%a", path).Trim();

    private static string Run(string program, params string[] arguments)
    {
        var quoted = string.Join(" ", arguments.Select(a => "\"" + a + "\""));
        using var process = Process.Start(new ProcessStartInfo(program, quoted) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, string.Format(CultureInfo.InvariantCulture, "{0} exited with {1}", program, process.ExitCode));
        return output;
    }
}
