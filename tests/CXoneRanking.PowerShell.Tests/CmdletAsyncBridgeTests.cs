using CXoneRanking.PowerShell.Async;

namespace CXoneRanking.PowerShell.Tests;

/// <summary>
/// A cmdlet that runs work per record keeps one bridge: runs one after another, each with its own
/// writes, and a stop that reaches the run in progress and is still known to the next record.
/// </summary>
public sealed class CmdletAsyncBridgeTests
{
    [Fact]
    public void Runs_one_after_another_each_with_its_writes()
    {
        using var bridge = new CmdletAsyncBridge();
        var written = new List<int>();

        bridge.Run(_ =>
        {
            bridge.Post(() => written.Add(1));
            return Task.CompletedTask;
        });
        bridge.Run(_ =>
        {
            bridge.Post(() => written.Add(2));
            return Task.CompletedTask;
        });

        Assert.Equal([1, 2], written);
        Assert.False(bridge.IsStopped);
    }

    [Fact]
    public void A_stop_cancels_the_run_in_progress_and_stays_for_the_next_record()
    {
        using var bridge = new CmdletAsyncBridge();
        var cancelled = false;

        bridge.Run(async stop =>
        {
            bridge.Stop();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), stop);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
            }
        });

        Assert.True(cancelled);
        Assert.True(bridge.IsStopped);
    }
}
