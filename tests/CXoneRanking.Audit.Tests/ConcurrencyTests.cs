namespace CXoneRanking.Audit.Tests;

public class ConcurrencyTests
{
    [Fact]
    public async Task Threads_appending_at_once_lose_nothing_and_keep_one_valid_chain()
    {
        using var dir = new TempDirectory();
        const int threads = 8, batches = 25, perBatch = 10;
        // Separate writer instances, as separate cmdlet calls would have, with a small size limit so files roll under load.
        var tasks = Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            var writer = Entries.Writer(dir.Path, o => o.MaxFileBytes = 64 * 1024);
            for (var b = 0; b < batches; b++)
                writer.Append([.. Enumerable.Range(0, perBatch).Select(i => Entries.Click($"t{t}", $"b{b}-{i}", i + 1))]);
        }));
        await Task.WhenAll(tasks);

        var result = AuditChainVerifier.Verify(dir.Path);
        Assert.True(result.IsValid, result.Reason);
        Assert.Empty(result.TornLines);
        Assert.Equal(threads * batches * perBatch, result.Entries);
        Assert.True(result.Files > 1);

        var entries = new AuditLogReader(dir.Path).ReadEntries().ToList();
        Assert.Equal(threads * batches * perBatch, entries.Select(e => (e.SessionId, e.SnippetId)).Distinct().Count());
        // Each batch is one unbroken run of lines: batches never interleave.
        var runs = entries.Select((e, i) => (Batch: e.SessionId + "/" + e.SnippetId!.Split('-')[0], Index: i))
            .GroupBy(x => x.Batch);
        Assert.All(runs, run => Assert.Equal(perBatch - 1, run.Last().Index - run.First().Index));
        foreach (var thread in entries.GroupBy(e => e.SessionId))
        {
            // One writer's batches stay whole and in order.
            var ids = thread.Select(e => e.SnippetId).ToList();
            Assert.Equal(Enumerable.Range(0, batches).SelectMany(b => Enumerable.Range(0, perBatch).Select(i => $"b{b}-{i}")), ids);
        }
    }

    [Fact]
    public async Task One_writer_shared_by_threads_is_safe()
    {
        using var dir = new TempDirectory();
        var writer = Entries.Writer(dir.Path);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++) writer.Append(Entries.Click($"t{t}", $"KB-{i}", 1));
        })));

        var result = AuditChainVerifier.Verify(dir.Path);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(800, result.Entries);
    }
}
