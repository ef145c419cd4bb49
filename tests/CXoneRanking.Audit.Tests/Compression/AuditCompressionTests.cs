namespace CXoneRanking.Audit.Tests.Compression;

/// <summary>
/// Compression of closed days (docs/audit-log.md#compressed-closed-days): which files, how (write, verify, rename,
/// delete), and what it settles when an earlier run was interrupted at each step.
/// </summary>
public sealed class AuditCompressionTests
{
    private static readonly DateTimeOffset Day3 = Entries.T0.AddDays(2);

    // Three days of clicks, one file a day; the third day's file is the newest.
    private static TempDirectory ThreeDays()
    {
        var dir = LogFixture.ValidLog();
        Entries.Writer(dir.Path, o => o.TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Day3))
            .Append([Entries.Click("s-8", "KB-8", 1, Day3)]);
        return dir;
    }

    [Fact]
    public void Closed_days_are_compressed_to_the_same_bytes_and_the_newest_file_never()
    {
        using var dir = ThreeDays();
        var before = AuditLogFile.List(dir.Path).ToDictionary(f => f.Name, f => File.ReadAllBytes(f.Path));

        // Run on a later day still: the third day is closed too, but its file is the newest.
        var result = CompressedFolder.Compress(dir.Path, Day3.AddDays(5));

        Assert.Equal(["cxone-audit-20261125.jsonl.gz", "cxone-audit-20261126.jsonl.gz", "cxone-audit-20261127.jsonl"], CompressedFolder.Names(dir.Path));
        Assert.Equal([LogFixture.Day1, LogFixture.Day2], result.Compressed.Select(f => f.Name));
        foreach (var file in result.Compressed)
        {
            Assert.Equal(before[file.Name], CompressedFolder.Content(Path.Combine(dir.Path, file.Name + ".gz")));
            Assert.Equal(before[file.Name].Length, file.RawBytes);
            Assert.Equal(new FileInfo(Path.Combine(dir.Path, file.Name + ".gz")).Length, file.CompressedBytes);
        }
        Assert.Empty(result.Problems);
        Assert.Empty(result.Repairs);
        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
    }

    [Fact]
    public void Only_days_at_least_CompressAfterDays_old_are_compressed_and_0_compresses_nothing()
    {
        using var dir = ThreeDays();

        Assert.Empty(CompressedFolder.Compress(dir.Path, Day3, afterDays: 0).Compressed);
        var result = CompressedFolder.Compress(dir.Path, Day3, afterDays: 2);

        Assert.Equal([LogFixture.Day1], result.Compressed.Select(f => f.Name));
        Assert.Equal(["cxone-audit-20261125.jsonl.gz", LogFixture.Day2, "cxone-audit-20261127.jsonl"], CompressedFolder.Names(dir.Path));
        Assert.Empty(CompressedFolder.Compress(dir.Path, Day3, afterDays: 2).Compressed);
    }

    [Fact]
    public void A_temporary_file_left_by_an_interrupted_run_is_ignored_by_readers_and_deleted_by_the_next_run()
    {
        using var dir = ThreeDays();
        var temporary = LogFixture.PathOf(dir) + ".gz.tmp";
        CompressedFolder.WriteGzip(temporary, File.ReadAllBytes(LogFixture.PathOf(dir))[..100]);
        var entries = new AuditLogReader(dir.Path).ReadEntries().Count();

        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
        var result = CompressedFolder.Compress(dir.Path, Day3);

        Assert.False(File.Exists(temporary));
        Assert.Contains(result.Repairs, r => r.IndexOf("cxone-audit-20261125.jsonl.gz.tmp", StringComparison.Ordinal) >= 0);
        Assert.Equal([LogFixture.Day1, LogFixture.Day2], result.Compressed.Select(f => f.Name));
        Assert.Equal(entries, new AuditLogReader(dir.Path).ReadEntries().Count());
    }

    [Fact]
    public void Both_files_equal_the_raw_one_is_read_and_the_next_run_deletes_it()
    {
        using var dir = ThreeDays();
        var raw = File.ReadAllBytes(LogFixture.PathOf(dir));
        CompressedFolder.WriteGzip(LogFixture.PathOf(dir) + ".gz", raw);   // renamed, not yet deleted

        Assert.Equal(LogFixture.Day1, AuditLogFile.List(dir.Path)[0].Name);
        Assert.Equal(8, new AuditLogReader(dir.Path).ReadEntries().Count());
        var result = CompressedFolder.Compress(dir.Path, Day3, afterDays: 2);

        Assert.Equal(["cxone-audit-20261125.jsonl.gz", LogFixture.Day2, "cxone-audit-20261127.jsonl"], CompressedFolder.Names(dir.Path));
        Assert.Contains(result.Repairs, r => r.StartsWith("Deleted cxone-audit-20261125.jsonl:", StringComparison.Ordinal));
        Assert.Empty(result.Compressed);
        Assert.Equal(raw, CompressedFolder.Content(LogFixture.PathOf(dir) + ".gz"));
        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
    }

    [Theory]
    [InlineData("different")]
    [InlineData("truncated")]
    [InlineData("garbage")]
    public void Both_files_but_the_gz_is_not_the_raw_file_the_gz_is_deleted_and_compressed_again(string damage)
    {
        using var dir = ThreeDays();
        var gz = LogFixture.PathOf(dir) + ".gz";
        var raw = File.ReadAllBytes(LogFixture.PathOf(dir));
        if (damage == "garbage") File.WriteAllBytes(gz, [.. Enumerable.Range(0, 300).Select(i => (byte)(i * 7))]);
        else CompressedFolder.WriteGzip(gz, damage == "different" ? raw[..^40] : raw);
        if (damage == "truncated") CompressedFolder.Truncate(gz, 0.6);

        Assert.Equal(8, new AuditLogReader(dir.Path).ReadEntries().Count());
        var result = CompressedFolder.Compress(dir.Path, Day3, afterDays: 2);

        Assert.Contains(result.Repairs, r => r.StartsWith("Deleted cxone-audit-20261125.jsonl.gz:", StringComparison.Ordinal)
            && r.IndexOf("compressed again", StringComparison.Ordinal) >= 0);
        Assert.Equal([LogFixture.Day1], result.Compressed.Select(f => f.Name));
        Assert.Equal(raw, CompressedFolder.Content(gz));
        Assert.False(File.Exists(LogFixture.PathOf(dir)));
        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
    }

    [Fact]
    public void A_file_that_cannot_be_compressed_is_reported_and_the_run_goes_on()
    {
        using var dir = ThreeDays();
        Directory.CreateDirectory(LogFixture.PathOf(dir) + ".gz.tmp");   // the temporary name is taken: nothing can be written there

        var result = CompressedFolder.Compress(dir.Path, Day3);

        Assert.Contains(result.Problems, p => p.StartsWith(LogFixture.Day1, StringComparison.Ordinal));
        Assert.Equal([LogFixture.Day2], result.Compressed.Select(f => f.Name));
        Assert.True(File.Exists(LogFixture.PathOf(dir)));
        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
    }

    [Fact]
    public void Cancellation_stops_between_files()
    {
        using var dir = ThreeDays();
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        var result = AuditCompression.Run(dir.Path, 1, Day3, CompressedFolder.LockTimeout, stop.Token);

        Assert.True(result.Cancelled);
        Assert.Empty(result.Compressed);
        Assert.Equal([LogFixture.Day1, LogFixture.Day2, "cxone-audit-20261127.jsonl"], CompressedFolder.Names(dir.Path));
    }

    [Fact]
    public void Two_runs_at_once_compress_each_file_once_and_lose_nothing()
    {
        using var dir = new TempDirectory();
        var now = RealisticLog.Write(dir.Path, days: 6, sessionsPerDay: 15);
        var before = AuditChainVerifier.Verify(dir.Path);
        using var start = new Barrier(2);

        var results = new AuditCompressionResult[2];
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            results[i] = CompressedFolder.Compress(dir.Path, now);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var compressed = results.SelectMany(r => r.Compressed).Select(f => f.Name).ToList();
        Assert.Equal(5, compressed.Count);
        Assert.Equal(compressed.Count, compressed.Distinct().Count());
        Assert.All(results, r => Assert.Empty(r.Problems));
        var after = AuditChainVerifier.Verify(dir.Path);
        Assert.True(after.IsValid, after.ToString());
        Assert.Equal((before.Entries, before.Files, before.LastHash), (after.Entries, after.Files, after.LastHash));
    }

    [Fact]
    public void A_compressed_newest_file_is_closed_the_writer_goes_on_in_the_next_file_and_the_chain_holds()
    {
        using var dir = LogFixture.ValidLog();
        var newest = LogFixture.PathOf(dir, LogFixture.Day2);
        CompressedFolder.WriteGzip(newest + ".gz", File.ReadAllBytes(newest));
        File.Delete(newest);

        Entries.Writer(dir.Path, o => o.TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Entries.T0.AddDays(1)))
            .Append([Entries.Click("s-9", "KB-9", 1)]);

        Assert.Equal([LogFixture.Day1, "cxone-audit-20261126.jsonl.gz", "cxone-audit-20261126_001.jsonl"],
            AuditLogFile.List(dir.Path).Select(f => f.Name));
        var check = AuditChainVerifier.Verify(dir.Path);
        Assert.True(check.IsValid, check.ToString());
        Assert.Equal(8, check.Entries);
    }
}
