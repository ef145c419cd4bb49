using System.Net;

namespace CXoneRanking.Api;

/// <summary>
/// Where the module may send a token or a ranking: https anywhere, plain http only to this
/// machine (the emulator, tests), so a typo can never send a client secret in clear text.
/// </summary>
public static class EndpointPolicy
{
    public static string? Problem(Uri? uri, string what)
    {
        if (uri is null || !uri.IsAbsoluteUri) return $"the {what} must be an absolute URI";
        if (uri.Scheme == Uri.UriSchemeHttps) return null;
        if (uri.Scheme != Uri.UriSchemeHttp) return $"the {what} '{uri}' must use https";
        return IsLoopback(uri)
            ? null
            : $"the {what} '{uri.GetLeftPart(UriPartial.Authority)}' uses plain http; only loopback hosts (localhost, 127.0.0.1, ::1) may";
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
