using System.Net;

namespace CXoneRanking.Api;

/// <summary>
/// The one HttpClientHandler the module makes (CXone token and API, feedback callbacks, Expert).
/// Automatic redirects are off: .NET re-sends a redirected request's custom headers (X-Deki-Token,
/// X-CXone-Signature) and, for 307/308, its body (a client secret, a ranking) to wherever Location
/// points, and a signing handler sits outside that loop. A 3xx comes back as an answer instead and
/// each client turns it into a named error (see <see cref="HttpRedirects"/>). A handler a caller
/// supplies (settings.Handler) is the caller's, redirects included.
/// </summary>
internal static class ModuleHttpHandler
{
    public static HttpClientHandler Create() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
    };
}
