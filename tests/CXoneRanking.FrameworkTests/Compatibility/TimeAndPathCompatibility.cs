namespace CXoneRanking.FrameworkTests.Compatibility;

/// <summary>DateTimeOffset.UnixEpoch, Path.GetRelativePath and Task.WaitAsync, which .NET Framework 4.7.2 lacks.</summary>
internal static class TimeAndPathCompatibility
{
    extension(DateTimeOffset)
    {
        public static DateTimeOffset UnixEpoch => new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    extension(Path)
    {
        public static string GetRelativePath(string relativeTo, string path)
        {
            var from = new Uri(WithTrailingSeparator(Path.GetFullPath(relativeTo)));
            var relative = from.MakeRelativeUri(new Uri(Path.GetFullPath(path))).ToString();
            return Uri.UnescapeDataString(relative).Replace('/', Path.DirectorySeparatorChar);
        }
    }

    extension(Task task)
    {
        public async Task WaitAsync(TimeSpan timeout)
        {
            if (await Task.WhenAny(task, Task.Delay(timeout)).ConfigureAwait(false) != task) throw new TimeoutException();
            await task.ConfigureAwait(false);
        }
    }

    extension<T>(Task<T> task)
    {
        public async Task<T> WaitAsync(TimeSpan timeout)
        {
            if (await Task.WhenAny(task, Task.Delay(timeout)).ConfigureAwait(false) != task) throw new TimeoutException();
            return await task.ConfigureAwait(false);
        }
    }

    private static string WithTrailingSeparator(string directory) =>
        directory.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? directory : directory + Path.DirectorySeparatorChar;
}
