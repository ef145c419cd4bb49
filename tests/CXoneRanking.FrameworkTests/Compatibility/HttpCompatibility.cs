using System.Net;

namespace CXoneRanking.FrameworkTests.Compatibility;

/// <summary>
/// HTTP and stream members of .NET Core that the shared test sources' fake handlers use and .NET
/// Framework 4.7.2 lacks. Each keeps the .NET Core meaning; a cancellation token the .NET
/// Framework overload cannot take is checked before the call instead.
/// </summary>
internal static class HttpCompatibility
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
        /// <summary>Stands in for WriteAsync(ReadOnlyMemory&lt;byte&gt;), with AsMemory below.</summary>
        public Task WriteAsync(ArraySegment<byte> buffer) => stream.WriteAsync(buffer.Array!, buffer.Offset, buffer.Count);
    }

    extension(byte[] bytes)
    {
        public ArraySegment<byte> AsMemory(int start, int length) => new(bytes, start, length);
    }
}
