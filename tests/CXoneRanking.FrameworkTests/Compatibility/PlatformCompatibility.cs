using System.Net;

namespace CXoneRanking.FrameworkTests.Compatibility;

/// <summary>
/// HTTP, stream, time and path members of .NET Core that the shared test sources use and .NET
/// Framework 4.7.2 lacks. Each keeps the .NET Core meaning; a cancellation token a .NET Framework
/// overload cannot take is checked before the call instead.
/// </summary>
internal static class PlatformCompatibility
{
    extension(HttpStatusCode)
    {
        /// <summary>429: .NET Framework's enum stops at the codes of RFC 2616.</summary>
        public static HttpStatusCode TooManyRequests => (HttpStatusCode)429;
    }

    extension(HttpContent content)
    {
        public Task<string> ReadAsStringAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return content.ReadAsStringAsync();
        }
    }

    extension(Stream stream)
    {
        public Task WriteAsync(ArraySegment<byte> buffer) => stream.WriteAsync(buffer.Array!, buffer.Offset, buffer.Count);
    }

    extension(byte[] bytes)
    {
        public ArraySegment<byte> AsMemory(int start, int length) => new(bytes, start, length);
    }

    extension(DateTimeOffset)
    {
        public static DateTimeOffset UnixEpoch => new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    extension(Path)
    {
        public static string GetRelativePath(string relativeTo, string path)
        {
            var from = new Uri(AppendSeparator(Path.GetFullPath(relativeTo)));
            var relative = from.MakeRelativeUri(new Uri(Path.GetFullPath(path))).ToString();
            return Uri.UnescapeDataString(relative).Replace('/', Path.DirectorySeparatorChar);
        }
    }

    private static string AppendSeparator(string directory) =>
        directory.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? directory : directory + Path.DirectorySeparatorChar;
}
