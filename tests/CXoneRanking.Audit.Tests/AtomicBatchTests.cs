namespace CXoneRanking.Audit.Tests;

/// <summary>
/// A batch is appended whole or not at all: a write that fails half-way (a full disk) leaves
/// the log exactly as it was, in one file or across a roll-over, so writing the batch again
/// later never duplicates an entry.
/// </summary>
public sealed class AtomicBatchTests
{
    private static List<AuditEntry> Clicks(int count, string session = "s-1") =>
        Enumerable.Range(1, count).Select(i => Entries.Click(session, $"KB-{i:000}", i)).ToList();

    private static Dictionary<string, byte[]> Snapshot(string directory) =>
        AuditLogFile.List(directory).ToDictionary(f => f.Name, f => File.ReadAllBytes(f.Path));

    [Fact]
    public void A_write_that_fails_half_way_leaves_the_file_as_it_was()
    {
        using var dir = new TempDirectory();
        Entries.Writer(dir.Path).Append(Clicks(3, "before"));
        var before = Snapshot(dir.Path);
        var failing = Entries.Writer(dir.Path, o => o.OutputFilter = FailingStream.Filter(allowedBytes: 500));

        Assert.Throws<IOException>(() => failing.Append(Clicks(10)));

        var after = Snapshot(dir.Path);
        Assert.Equal(before.Keys, after.Keys);
        Assert.Equal(before[before.Keys.Single()], after[before.Keys.Single()]);
    }

    [Fact]
    public void A_batch_that_fails_after_rolling_over_removes_the_new_file_and_cuts_the_old_one_back()
    {
        using var dir = new TempDirectory();
        Entries.Writer(dir.Path, o => o.MaxFileBytes = 2_000).Append(Clicks(2, "before"));
        var before = Snapshot(dir.Path);
        // Enough for the first file's share and a part of the next file's: the roll-over happens, then the disk fills.
        var failing = Entries.Writer(dir.Path, o => { o.MaxFileBytes = 2_000; o.OutputFilter = FailingStream.Filter(allowedBytes: 2_500); });

        Assert.Throws<IOException>(() => failing.Append(Clicks(20)));

        var after = Snapshot(dir.Path);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var name in before.Keys) Assert.Equal(before[name], after[name]);
    }

    [Fact]
    public void The_same_batch_written_again_after_a_failure_appears_once_with_a_valid_chain()
    {
        using var dir = new TempDirectory();
        Entries.Writer(dir.Path).Append(Clicks(1, "before"));
        var batch = Clicks(50);
        var failing = Entries.Writer(dir.Path, o => o.OutputFilter = FailingStream.Filter(allowedBytes: 4_000));
        Assert.Throws<IOException>(() => failing.Append(batch));

        Entries.Writer(dir.Path).Append(batch);

        var clicks = new AuditLogReader(dir.Path).ReadEntries().Where(e => e.SessionId == "s-1").Select(e => e.SnippetId).ToList();
        Assert.Equal(batch.Select(c => c.SnippetId), clicks);
        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
    }

    [Fact]
    public void A_failed_batch_does_not_set_the_hashes_of_its_entries()
    {
        using var dir = new TempDirectory();
        var batch = Clicks(5);
        var failing = Entries.Writer(dir.Path, o => o.OutputFilter = FailingStream.Filter(allowedBytes: 10));

        Assert.Throws<IOException>(() => failing.Append(batch));

        Assert.All(batch, e => Assert.Null(e.Hash));
        Assert.Empty(new AuditLogReader(dir.Path).ReadEntries());
    }
}
