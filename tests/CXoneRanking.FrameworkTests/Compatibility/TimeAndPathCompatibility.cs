namespace CXoneRanking.FrameworkTests.Compatibility;

/// <summary>DateTimeOffset.UnixEpoch and Path.GetRelativePath, which .NET Framework 4.7.2 lacks.</summary>
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

    private static string WithTrailingSeparator(string directory) =>
        directory.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? directory : directory + Path.DirectorySeparatorChar;
}
