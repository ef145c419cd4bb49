using System.Collections.Concurrent;

namespace CXoneRanking.PowerShell.Async;

/// <summary>
/// Runs a cmdlet's asynchronous work on the thread pool while every Write* it asks for happens on
/// the pipeline thread, which PowerShell requires. StopProcessing calls <see cref="Stop"/>, which
/// cancels every wait at once; the work is always awaited to its end, so nothing it started (an
/// audit entry, say) is cut off half-way. A cmdlet that runs work per record (a query, a click)
/// runs it through one bridge, one run at a time; once stopped, it checks <see cref="IsStopped"/>
/// and starts no further run, so a stop between two records is not lost.
/// </summary>
internal sealed class CmdletAsyncBridge : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    // The writes of the run in progress; null between runs.
    private BlockingCollection<Action>? _writes;

    /// <summary>True once <see cref="Stop"/> was called: the run in progress is cancelled and no further run should start.</summary>
    public bool IsStopped => _stop.IsCancellationRequested;

    /// <summary>Queues a write for the pipeline thread; from any thread.</summary>
    public void Post(Action write)
    {
        try
        {
            Volatile.Read(ref _writes)?.Add(write);
        }
        catch (InvalidOperationException)
        {
            // the work has ended (or the bridge was disposed): nothing is left to show
        }
    }

    public void Stop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Starts <paramref name="work"/> and runs its writes here until it ends; one run at a time.</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        using var writes = new BlockingCollection<Action>();
        Volatile.Write(ref _writes, writes);
        try
        {
            RunWrites(work, writes);
        }
        finally
        {
            Volatile.Write(ref _writes, null);
        }
    }

    private void RunWrites(Func<CancellationToken, Task> work, BlockingCollection<Action> writes)
    {
        var task = Task.Run(() => work(_stop.Token));
        task.ContinueWith(_ => writes.CompleteAdding(), TaskScheduler.Default);
        try
        {
            foreach (var write in writes.GetConsumingEnumerable())
                if (!_stop.IsCancellationRequested) write();
        }
        catch
        {
            // A write failed (-ErrorAction Stop, a stopped pipeline): stop the rest, let it finish.
            Stop();
            try
            {
                task.Wait();
            }
            catch (AggregateException)
            {
                // The write's failure is the one to report; the work's own ends with it.
            }
            throw;
        }
        task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Runs <paramref name="body"/> for every item, at most <paramref name="limit"/> at a time.
    /// Once <paramref name="cancellationToken"/> is cancelled no further item is started: the
    /// items not yet started go to <paramref name="notStarted"/> together, in one call, so a
    /// long backlog ends in one step rather than one item at a time.
    /// </summary>
    public static async Task ForEachAsync<T>(IReadOnlyList<T> items, int limit, Func<T, Task> body, Func<IReadOnlyList<T>, Task> notStarted,
        CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(limit, limit);
        var running = new List<Task>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            try
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Off the thread that cancelled (StopProcessing's), which may be running this continuation.
                var rest = Rest(items, i);
                running.Add(Task.Run(() => notStarted(rest)));
                break;
            }
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await body(item).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            }));
        }
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    public void Dispose() => _stop.Dispose();

    private static List<T> Rest<T>(IReadOnlyList<T> items, int first)
    {
        var rest = new List<T>(items.Count - first);
        for (var i = first; i < items.Count; i++) rest.Add(items[i]);
        return rest;
    }
}
