using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CXoneRanking.Emulator;

/// <summary>Why a bearer token was or was not accepted.</summary>
internal enum TokenCheck
{
    Valid,
    Missing,
    Malformed,
    Unknown,
    Expired,
}

/// <summary>
/// Issues opaque random access tokens and remembers when each expires. Expired tokens are kept
/// (until there are very many) so a client gets the more useful "token expired" rather than
/// "unknown token". Tokens deliberately survive <c>POST /_emulator/reset</c>, so a connected client
/// stays connected.
/// </summary>
internal sealed class TokenStore(TimeProvider time, TimeSpan lifetime)
{
    private const int PurgeThreshold = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> expiries = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => lifetime;

    public string Issue()
    {
        var now = time.GetUtcNow();
        if (expiries.Count >= PurgeThreshold)
        {
            // A client that fetches a token per request must not grow the emulator without bound.
            foreach (var (expired, _) in expiries.Where(e => e.Value <= now))
            {
                expiries.TryRemove(expired, out _);
            }
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        expiries[token] = now + lifetime;
        return token;
    }

    public TokenCheck Check(string? authorizationHeader)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return TokenCheck.Missing;
        }

        const string scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Malformed;
        }

        var token = authorizationHeader[scheme.Length..].Trim();
        if (!expiries.TryGetValue(token, out var expiresAt))
        {
            return TokenCheck.Unknown;
        }

        return time.GetUtcNow() < expiresAt ? TokenCheck.Valid : TokenCheck.Expired;
    }
}
