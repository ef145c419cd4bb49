using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// Checks Expert server API tokens, <c>tkn_{key}_{epoch}_{user}_{hash}</c> in the X-Deki-Token header:
/// hash is the hex HMAC-SHA256 of <c>{key}_{epoch}_{user}</c> keyed with the secret, epoch is Unix
/// seconds and must lie within five minutes of the emulator's clock, and user is a user id or
/// <c>=name</c> (URL-encoded, which Expert's guide asks for). NICE's own C# sample sends the hash in
/// upper case and its Python sample in lower case, so the hex compares without regard to case.
/// A token that fails any check is ignored and the request runs as Anonymous, as on a real site.
/// </summary>
internal sealed class ServerTokenVerifier(string key, string secret, ExpertUsers users, TimeProvider time)
{
    public const string HeaderName = "X-Deki-Token";
    public const int MaxSkewSeconds = 300;
    private const string Prefix = "tkn_";

    public ServerTokenCheck Check(HttpContext context)
    {
        var headers = context.Request.Headers[HeaderName];
        if (headers.Count == 0)
        {
            return new ServerTokenCheck(ServerTokenStatus.Missing, users.Anonymous, null, null);
        }

        return headers.Count > 1
            ? new ServerTokenCheck(ServerTokenStatus.Malformed, users.Anonymous, null, null)
            : Check(headers.ToString());
    }

    public ServerTokenCheck Check(string token)
    {
        if (!TryParse(token, out var tokenKey, out var epochText, out var tokenUser, out var hash))
        {
            return Refuse(ServerTokenStatus.Malformed, null, null);
        }

        if (!long.TryParse(epochText, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            return Refuse(ServerTokenStatus.Malformed, null, tokenUser);
        }

        if (!string.Equals(tokenKey, key, StringComparison.Ordinal))
        {
            return Refuse(ServerTokenStatus.UnknownKey, epoch, tokenUser);
        }

        if (Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - epoch) > MaxSkewSeconds)
        {
            return Refuse(ServerTokenStatus.Expired, epoch, tokenUser);
        }

        if (!SignatureMatches($"{tokenKey}_{epochText}_{tokenUser}", hash))
        {
            return Refuse(ServerTokenStatus.BadSignature, epoch, tokenUser);
        }

        var user = users.Find(Uri.UnescapeDataString(tokenUser));
        return user is null
            ? Refuse(ServerTokenStatus.UnknownUser, epoch, tokenUser)
            : new ServerTokenCheck(ServerTokenStatus.Valid, user, epoch, tokenUser);
    }

    private ServerTokenCheck Refuse(ServerTokenStatus status, long? epoch, string? tokenUser) =>
        new(status, users.Anonymous, epoch, tokenUser);

    private bool SignatureMatches(string message, string hash)
    {
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message));
        var sent = new byte[expected.Length];
        var parsed = hash.Length == expected.Length * 2
            && Convert.FromHexString(hash, sent, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == expected.Length;
        return parsed && CryptographicOperations.FixedTimeEquals(expected, sent);
    }

    /// <summary>Splits at the first two underscores and the last one, so a user name may itself contain underscores.</summary>
    private static bool TryParse(string token, out string tokenKey, out string epoch, out string tokenUser, out string hash)
    {
        tokenKey = epoch = tokenUser = hash = string.Empty;
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = token[Prefix.Length..];
        var keyEnd = rest.IndexOf('_', StringComparison.Ordinal);
        var epochEnd = keyEnd < 0 ? -1 : rest.IndexOf('_', keyEnd + 1);
        var hashStart = rest.LastIndexOf('_');
        if (keyEnd <= 0 || epochEnd <= keyEnd + 1 || hashStart <= epochEnd + 1 || hashStart == rest.Length - 1)
        {
            return false;
        }

        tokenKey = rest[..keyEnd];
        epoch = rest[(keyEnd + 1)..epochEnd];
        tokenUser = rest[(epochEnd + 1)..hashStart];
        hash = rest[(hashStart + 1)..];
        return true;
    }
}
