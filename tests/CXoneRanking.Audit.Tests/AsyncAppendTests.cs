using System.Diagnostics;

namespace CXoneRanking.Audit.Tests;

/// <summary>
/// AppendAsync waits for the directory lock without holding a thread: 64 sessions queued
/// behind a held lock (Submit-SnippetRanking -ThrottleLimit 64) leave the thread pool free for
/// other work. Append, which blocks, is measured alongside for comparison.
/// </summary>
public sealed class AsyncAppendTests
{
    private const int Writers = 64;

    [Fact]
    public async Task Sixty_four_appends_waiting_for_the_lock_block_no_thread_and_all_land_chained()
    {
        using var dir = new TempDirectory();
        var writer = Entries.Writer(dir.Path);
        Task[] appends;
        int threadsWhileWaiting;
        using (AuditDirectoryLock.Acquire(dir.Path, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            appends = Enumerable.Range(0, Writers).Select(i => writer.AppendAsync([Entries.Click("s-1", $"KB-{i:000}", 1)])).ToArray();
            var probe = Stopwatch.StartNew();
            await Task.Run(() => { });
            probe.Stop();
            threadsWhileWaiting = ThreadPool.ThreadCount;
            Assert.True(probe.Elapsed < TimeSpan.FromSeconds(2), $"the thread pool took {probe.ElapsedMilliseconds} ms to run a work item");
            Assert.DoesNotContain(appends, a => a.IsCompleted);
        }
        await Task.WhenAll(appends).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Writers, new AuditLogReader(dir.Path).ReadEntries().Count());
        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
        Assert.True(threadsWhileWaiting < Writers, $"{threadsWhileWaiting} pool threads while {Writers} appends waited");
    }

    [Fact]
    public async Task Cancelling_an_async_wait_for_the_lock_writes_nothing_and_frees_the_lock()
    {
        using var dir = new TempDirectory();
        var writer = Entries.Writer(dir.Path);
        using var stop = new CancellationTokenSource();
        Task waiting;
        using (AuditDirectoryLock.Acquire(dir.Path, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            waiting = writer.AppendAsync([Entries.Click("s-1", "KB-1", 1)], stop.Token);
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }
        await writer.AppendAsync([Entries.Click("s-2", "KB-2", 1)]).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["s-2"], new AuditLogReader(dir.Path).ReadEntries().Select(e => e.SessionId));
    }
}
