using System.Diagnostics;

namespace CXoneRanking.Audit.Tests;

/// <summary>
/// A pipe (mkfifo) named like a log file: .NET on Linux reports it as a Normal file of length 0,
/// and opening it to read blocks until some process writes to it.
/// </summary>
public class NonRegularFileTests
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);

    [Fact]
    public void Readers_pass_over_a_pipe_named_like_a_log_file()
    {
        if (!OperatingSystem.IsLinux()) return; // mkfifo and the blocking open are what is tested
        using var dir = new TempDirectory();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Entries.T0);
        Entries.Writer(dir.Path, o => o.TimeProvider = clock).Append([Entries.Submitted("s-1", 10, Entries.T0, "KB-1"), Entries.Click("s-1", "KB-1", 1)]);
        var fifo = MakeFifo(dir.Path, Entries.T0.AddDays(1));

        var entries = Bounded(fifo, () => new AuditLogReader(dir.Path).ReadEntries().Count());
        var verified = Bounded(fifo, () => AuditChainVerifier.Verify(dir.Path));
        var sessions = Bounded(fifo, () => RecentAuditValues.SessionIds(dir.Path).Count);

        Assert.Equal(2, entries);
        Assert.True(verified.IsValid, verified.Reason);
        Assert.Equal(0, sessions); // completion reads only the newest file, the pipe: nothing, not a hang
    }

    [Fact]
    public void A_writer_refuses_a_pipe_as_the_newest_file_naming_it()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDirectory();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Entries.T0);
        Entries.Writer(dir.Path, o => o.TimeProvider = clock).Append(Entries.Click("s-1", "KB-1", 1));
        var fifo = MakeFifo(dir.Path, Entries.T0.AddDays(1));
        clock.Advance(TimeSpan.FromDays(1));

        var error = Assert.IsType<AuditFileNotRegularException>(Bounded(fifo, () =>
            Record.Exception(() => Entries.Writer(dir.Path, o => o.TimeProvider = clock).Append(Entries.Click("s-1", "KB-1", 1)))));

        Assert.Contains(Path.GetFileName(fifo), error.Message, StringComparison.Ordinal);
        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("seeking", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_writer_passes_over_an_older_pipe_when_it_looks_for_the_last_hash()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDirectory();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Entries.T0);
        Entries.Writer(dir.Path, o => o.TimeProvider = clock).Append(Entries.Click("s-1", "KB-1", 1));
        var fifo = MakeFifo(dir.Path, Entries.T0.AddDays(1));
        clock.Advance(TimeSpan.FromDays(2));

        Bounded(fifo, () => { Entries.Writer(dir.Path, o => o.TimeProvider = clock).Append(Entries.Click("s-1", "KB-2", 2)); return 0; });

        Assert.Equal(2, new AuditLogReader(dir.Path).ReadEntries().Count());
    }

    private static string MakeFifo(string directory, DateTimeOffset day)
    {
        var path = AuditLogFile.For(directory, day.UtcDateTime, 0).Path;
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]))!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    // A reader blocked on the pipe would never return: on a hang, open the pipe's other end to
    // release it, and fail.
    private static T Bounded<T>(string fifo, Func<T> action)
    {
        var task = Task.Run(action);
        if (task.Wait(HangLimit)) return task.Result;
        using (new FileStream(fifo, FileMode.Open, FileAccess.Write)) { }
        Assert.Fail($"blocked on the pipe '{Path.GetFileName(fifo)}'");
        return default!;
    }
}
