using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Audit.Tests.Compression;

/// <summary>
/// A reader that took its snapshot before a file was compressed reads the file from its .gz: every entry once, never a
/// file skipped because its .jsonl vanished under it.
/// </summary>
public sealed class CompressionWhileReadingTests
{
    private static readonly DateTimeOffset Later = Entries.T0.AddDays(10);

    // Four days of clicks, one file a day, with a fifth day's file as the newest.
    private static TempDirectory FiveDays()
    {
        var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);
        for (var day = 0; day < 5; day++)
        {
            writer.Append([.. Enumerable.Range(0, 50).Select(i => Entries.Click($"s-{day}-{i}", $"KB-{i}", 1 + i % 5, clock.GetUtcNow()))]);
            clock.Advance(TimeSpan.FromDays(1));
        }
        return dir;
    }

    [Fact]
    public void Files_compressed_after_the_snapshot_are_read_from_their_gz()
    {
        using var dir = FiveDays();
        var expected = new AuditLogReader(dir.Path).ReadEntries().Select(e => e.Hash).ToList();
        var reader = new AuditLogReader(dir.Path);
        var read = new List<string?>();

        using (var entries = reader.ReadEntries().GetEnumerator())
        {
            Assert.True(entries.MoveNext());   // the snapshot is taken: every file raw
            read.Add(entries.Current.Hash);
            Assert.Equal(4, CompressedFolder.Compress(dir.Path, Later).Compressed.Count);
            while (entries.MoveNext()) read.Add(entries.Current.Hash);
        }

        Assert.Equal(expected, read);
        Assert.Empty(reader.SkippedLines);
        Assert.Equal(5, reader.FilesRead);
    }

    [Fact]
    public void The_verifier_and_progress_follow_files_compressed_after_the_snapshot()
    {
        using var dir = FiveDays();
        var reports = new List<AuditReadProgress>();
        var progress = new Reports(reports, () => CompressedFolder.Compress(dir.Path, Later));

        var result = AuditChainVerifier.Verify(dir.Path, CancellationToken.None, progress);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal((250, 5), (result.Entries, result.Files));
        Assert.Equal(4, CompressedFolder.Names(dir.Path).Count(n => n.EndsWith(".gz", StringComparison.Ordinal)));
        Assert.Equal(reports[^1].TotalBytes, reports[^1].BytesRead);
        Assert.All(reports, r => Assert.InRange(r.BytesRead, 0, r.TotalBytes));
    }

    [Fact]
    public void A_reader_and_a_compressing_thread_at_once_read_every_entry_exactly_once()
    {
        for (var round = 0; round < 5; round++)
        {
            using var dir = FiveDays();
            var expected = new AuditLogReader(dir.Path).ReadEntries().Select(e => e.Hash).ToList();
            var compressor = new Thread(() => CompressedFolder.Compress(dir.Path, Later));

            var read = new List<string?>();
            foreach (var entry in new AuditLogReader(dir.Path).ReadEntries())
            {
                if (read.Count == 10 * round) compressor.Start();
                read.Add(entry.Hash);
            }
            compressor.Join();

            Assert.Equal(expected, read);
            Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
        }
    }

    // Compresses the folder once, at the first report (the snapshot is taken by then).
    private sealed class Reports(List<AuditReadProgress> reports, Action first) : IProgress<AuditReadProgress>
    {
        public void Report(AuditReadProgress value)
        {
            if (reports.Count == 0) first();
            reports.Add(value);
        }
    }
}
