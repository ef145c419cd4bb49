using System.Collections.Concurrent;

namespace CXoneRanking.PowerShell.Infrastructure;

/// <summary>
/// Runs a cmdlet's asynchronous work on the thread pool while every Write* it asks for happens on
/// the pipeline thread, which PowerShell requires. StopProcessing calls <see cref="Stop"/>, which
/// cancels every wait at once; the work is always awaited to its end, so nothing it started (an
/// audit entry, say) is cut off half-way.
/// </summary>
internal sealed class AsyncPipeline : IDisposable
{
    private readonly BlockingCollection<Action> _writes = new();
    private readonly CancellationTokenSource _stop = new();

    public CancellationToken Stopping => _stop.Token;

    /// <summary>Queues a write for the pipeline thread; from any thread.</summary>
    public void Post(Action write)
    {
        try { _writes.Add(write); }
        catch (InvalidOperationException) { } // the work has ended; nothing is left to show
    }

    public void Stop()
    {
        try { _stop.Cancel(); }
        catch (ObjectDisposedException) { }
    }

    /// <summary>Starts <paramref name="work"/> and runs its writes here until it ends.</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        var task = Task.Run(() => work(_stop.Token));
        task.ContinueWith(_ => _writes.CompleteAdding(), TaskScheduler.Default);
        try
        {
            foreach (var write in _writes.GetConsumingEnumerable())
                if (!_stop.IsCancellationRequested) write();
        }
        catch
        {
            // A write failed (-ErrorAction Stop, a stopped pipeline): stop the rest, let it finish.
            Stop();
            try { task.Wait(); } catch (AggregateException) { }
            throw;
        }
        task.GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="body"/> for every item, at most <paramref name="limit"/> at a time.</summary>
    public static async Task ForEachAsync<T>(IEnumerable<T> items, int limit, Func<T, Task> body, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(limit, limit);
        var running = new List<Task>();
        foreach (var item in items)
        {
            try { await slots.WaitAsync(cancellationToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { running.Add(body(item)); continue; } // still audited as cancelled
            running.Add(Task.Run(async () =>
            {
                try { await body(item).ConfigureAwait(false); }
                finally { slots.Release(); }
            }));
        }
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _writes.Dispose();
        _stop.Dispose();
    }
}
