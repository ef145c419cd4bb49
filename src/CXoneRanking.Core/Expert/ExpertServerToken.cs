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
        var signed = key + "_" + epoch.ToString(CultureInfo.InvariantCulture) + "_" + user;
        return "tkn_" + signed + "_" + secret.Sign(signed);
    }
}
