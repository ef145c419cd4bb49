namespace CXoneRanking.Audit.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class UnixPermissionsTests
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void Directories_and_files_the_log_creates_are_owner_only_on_unix()
    {
        if (OperatingSystem.IsWindows()) return; // Windows has ACLs from the user profile; there is no mode to check
        using var dir = new TempDirectory();
        var parent = dir.Sub("parent");
        var audit = Path.Combine(parent, "audit");

        Entries.Writer(audit, o => o.MaxFileBytes = 1).Append([Entries.Click("s", "a", 1), Entries.Click("s", "b", 1)]);

        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(parent));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(audit));
        var files = Directory.GetFiles(audit, "*", SearchOption.TopDirectoryOnly);
        Assert.Equal(3, files.Length); // two rolled log files and the lock file
        Assert.All(files, f => Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(f)));
    }

    [Fact]
    public void An_existing_directory_keeps_its_mode()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var mode = OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
        File.SetUnixFileMode(dir.Path, mode);

        Entries.Writer(dir.Path).Append(Entries.Click("s", "a", 1));

        Assert.Equal(mode, File.GetUnixFileMode(dir.Path));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(AuditLogFile.List(dir.Path).Single().Path));
    }

    [Fact]
    public void A_compressed_file_is_owner_only_like_the_log_files()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = LogFixture.ValidLog();
        File.SetUnixFileMode(LogFixture.PathOf(dir), OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = AuditCompression.Run(dir.Path, 1, Entries.T0.AddDays(2), TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(LogFixture.Day1, Assert.Single(result.Compressed).Name);
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(LogFixture.PathOf(dir) + ".gz"));
    }
}
