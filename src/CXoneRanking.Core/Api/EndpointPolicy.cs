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
        // Checked first, and the address is then not repeated: it holds a password.
        if (uri.UserInfo.Length > 0)
            return $"the {what} holds a user name or password before its host; credentials go in their own parameters "
                + "(-Credential, -ClientSecret, -AccessKey, -Secret), never in the address";
        if (uri.Scheme == Uri.UriSchemeHttps) return null;
        if (uri.Scheme != Uri.UriSchemeHttp) return $"the {what} '{uri}' must use https";
        return IsLoopback(uri)
            ? null
            : $"the {what} '{uri.GetLeftPart(UriPartial.Authority)}' uses plain http; only loopback hosts (localhost, 127.0.0.1, ::1) may";
    }

    /// <summary>The address without its user info, for an error's target: never show a password given in a URL.</summary>
    public static Uri? WithoutUserInfo(Uri? uri) =>
        uri is { IsAbsoluteUri: true, UserInfo.Length: > 0 } ? new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri : uri;

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
