using System.Diagnostics;

namespace CXoneRanking.Emulator;

/// <summary>
/// Stops the emulator when the process that started it ends. A test run or script that crashes
/// before it can stop its emulator would otherwise leave a listener running for good.
/// </summary>
internal static class ParentWatch
{
    public static async Task StopWhenGoneAsync(int processId, IHostApplicationLifetime lifetime)
    {
        try
        {
            using var parent = Process.GetProcessById(processId);
            await parent.WaitForExitAsync(lifetime.ApplicationStopping);
        }
        catch (ArgumentException)
        {
            // Already gone before the watch began.
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await Console.Error.WriteLineAsync($"CXone emulator: parent process {processId} has exited; stopping.");
        lifetime.StopApplication();
    }
}
