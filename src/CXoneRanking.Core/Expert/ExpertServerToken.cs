using System.Globalization;

namespace CXoneRanking.Expert;

/// <summary>
/// A CXone Expert server API token: <c>tkn_{key}_{epoch}_{user}_{hash}</c>, where epoch is Unix
/// seconds, user an Expert user id or <c>=username</c>, and hash the lowercase hex HMAC-SHA256 of
/// <c>{key}_{epoch}_{user}</c> keyed with the secret. The site accepts one for about five minutes,
/// so a fresh one is made for every request and none is ever kept.
/// </summary>
internal static class ExpertServerToken
{
    public static string Create(string key, long epoch, string user, ExpertSecret secret)
    {
        var signed = key + "_" + epoch.ToString(CultureInfo.InvariantCulture) + "_" + EncodeUser(user);
        return "tkn_" + signed + "_" + secret.Sign(signed);
    }

    /// <summary>
    /// The user part as the token carries it. NICE's guide says it must be encoded, and the site
    /// decodes it before it looks the user up: a name sent raw would be read differently ("=ad%6Din"
    /// would sign in as admin) or not at all ("=Jörg"). So the name after '=' is percent-encoded as
    /// UTF-8, the same text is signed and sent, and '_' is encoded too so it never looks like one of
    /// the token's separators. The leading '=' stays as the guide writes it.
    /// </summary>
    public static string EncodeUser(string user) =>
        user.StartsWith("=", StringComparison.Ordinal) ? "=" + Escape(user.Substring(1)) : Escape(user);

    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("_", "%5F");
}
