using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Audit.Tests;

public class AuditLogWriterTests
{
    [Fact]
    public void Ends_a_torn_last_line_and_chains_the_next_entry_to_the_last_whole_one()
    {
        using var dir = new TempDirectory();
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = new FakeTimeProvider(Entries.T0));
        var whole = Entries.Click("s", "a", 1);
        writer.Append(whole);
        var file = AuditLogFile.List(dir.Path).Single().Path;
        File.AppendAllText(file, "{\"timestamp\":\"2026-11-25T19:08:00.000Z\",\"event\":\"cli"); // the crash

        var next = Entries.Click("s", "b", 2);
        writer.Append(next);

        var lines = File.ReadAllText(file).Split('\n');
        Assert.Equal(4, lines.Length); // whole, torn, next, and the empty string after the final newline
        Assert.EndsWith("\"event\":\"cli", lines[1]);
        Assert.StartsWith("{\"timestamp\"", lines[2]);
        Assert.Equal(whole.Hash, next.PrevHash);
        var result = AuditChainVerifier.Verify(dir.Path);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(2, Assert.Single(result.TornLines).LineNumber);
    }

    [Fact]
    public void Chains_to_an_older_file_when_the_newest_holds_no_whole_entry()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);
        var first = Entries.Click("s", "a", 1);
        writer.Append(first);
        File.WriteAllText(Path.Combine(dir.Path, "cxone-audit-20261125_001.jsonl"), "{\"torn"); // crashed right after rolling

        var next = Entries.Click("s", "b", 1);
        writer.Append(next);

        Assert.Equal(first.Hash, next.PrevHash);
        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
    }

    [Fact]
    public void Finds_the_last_hash_beyond_the_first_tail_window()
    {
        using var dir = new TempDirectory();
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = new FakeTimeProvider(Entries.T0));
        var big = Entries.Click("s", "a", 1);
        writer.Append(big);
        // 40 KB of torn garbage after the last whole entry: the tail reader must look further back.
        File.AppendAllText(Path.Combine(dir.Path, "cxone-audit-20261125.jsonl"), string.Concat(Enumerable.Repeat("{\"torn\n", 6000)));

        var next = Entries.Click("s", "b", 1);
        writer.Append(next);

        Assert.Equal(big.Hash, next.PrevHash);
    }

    [Fact]
    public void Half_a_surrogate_pair_in_a_free_field_is_stored_as_a_replacement_character()
    {
        using var dir = new TempDirectory();
        var odd = Entries.Click("s", "b", 1);
        odd.Status = "half a pair \ud800";

        Entries.Writer(dir.Path).Append([odd, Entries.Click("s", "c", 1)]);

        Assert.Contains("\"status\":\"half a pair \\uFFFD\"", Entries.AllLines(dir.Path)[0]);
        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
        Assert.Equal("half a pair \uFFFD", new AuditLogReader(dir.Path).ReadEntries().First().Status);
    }

    [Fact]
    public void A_batch_with_an_entry_that_cannot_be_written_fails_whole_and_leaves_the_file_untouched()
    {
        using var dir = new TempDirectory();
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = new FakeTimeProvider(Entries.T0));
        writer.Append(Entries.Click("s", "a", 1));
        var before = File.ReadAllBytes(LogFixture.PathOf(dir));
        var good = Entries.Click("s", "ok", 1);
        var bad = Entries.Submitted("s", 5, null, "KB-1", null!, "KB-3");

        Assert.Throws<ArgumentException>(() => writer.Append([good, bad]));

        Assert.Equal(before, File.ReadAllBytes(LogFixture.PathOf(dir)));
        Assert.Null(good.Hash); // nothing claims to be written
    }

    [Fact]
    public void Gives_up_with_a_clear_error_when_another_process_keeps_the_lock()
    {
        using var dir = new TempDirectory();
        using var held = new FileStream(Path.Combine(dir.Path, AuditDirectoryLock.FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var writer = Entries.Writer(dir.Path, o => o.LockTimeout = TimeSpan.FromMilliseconds(300));

        var error = Assert.Throws<IOException>(() => writer.Append(Entries.Click("s", "a", 1)));

        Assert.Contains(dir.Path, error.Message);
        Assert.Contains("lock", error.Message);
        Assert.Empty(Entries.FileNames(dir.Path));
    }

    [Fact]
    public void Waiting_for_the_lock_can_be_cancelled()
    {
        using var dir = new TempDirectory();
        using var held = new FileStream(Path.Combine(dir.Path, AuditDirectoryLock.FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var writer = Entries.Writer(dir.Path);

        Assert.ThrowsAny<OperationCanceledException>(() => writer.Append([Entries.Click("s", "a", 1)], cancel.Token));
    }

    [Fact]
    public void Stamps_version_host_and_user_but_keeps_what_the_caller_set()
    {
        using var dir = new TempDirectory();
        var blank = AuditEntry.Click("s", "a", 1, Entries.T0);
        var preset = Entries.Click("s", "b", 1);

        Entries.Writer(dir.Path).Append([blank, preset]);

        Assert.Equal(Environment.MachineName, blank.Host);
        Assert.Equal(Environment.UserName, blank.User);
        Assert.StartsWith("0.", blank.ModuleVersion);
        Assert.Equal(("host-1", "svc", "1.0.0"), (preset.Host, preset.User, preset.ModuleVersion));
        Assert.DoesNotContain('\r', Encoding.UTF8.GetString(File.ReadAllBytes(AuditLogFile.List(dir.Path).Single().Path)));
    }

    [Fact]
    public void Options_refuse_nonsense()
    {
        var options = new AuditLogWriterOptions("x");
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxFileBytes = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.LockTimeout = TimeSpan.Zero);
        Assert.Throws<ArgumentException>(() => new AuditLogWriterOptions(" "));
        Assert.Equal(10L * 1024 * 1024, options.MaxFileBytes);
    }
}
