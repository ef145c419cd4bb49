namespace CXoneRanking.FrameworkTests.Compatibility;

/// <summary>
/// The thread pool figure of .NET Core that the shared test sources read and .NET Framework 4.7.2
/// lacks. The Framework does not say how many pool threads exist, only how many are busy; a test
/// that bounds the count from above ("fewer than 64 threads while 64 appends wait") still holds,
/// since busy threads are never more than the threads there are.
/// </summary>
internal static class ThreadingCompatibility
{
    extension(ThreadPool)
    {
        public static int ThreadCount
        {
            get
            {
                ThreadPool.GetMaxThreads(out var maxWorkers, out _);
                ThreadPool.GetAvailableThreads(out var availableWorkers, out _);
                return maxWorkers - availableWorkers;
            }
        }
    }
}
