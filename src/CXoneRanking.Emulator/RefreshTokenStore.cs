using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CXoneRanking.Emulator;

/// <summary>
/// Refresh tokens, rotated: each one can be redeemed once, and the refresh answer carries its
/// successor. Rotation is the stricter choice: a client that keeps using the first refresh token
/// fails here instead of only in production. They live as long as the emulator (or until used),
/// survive <c>POST /_emulator/reset</c> like access tokens, and are never journaled.
/// </summary>
internal sealed class RefreshTokenStore
{
    private const int Limit = 10_000;

    private readonly ConcurrentDictionary<string, byte> live = new(StringComparer.Ordinal);

    public string Issue()
    {
        if (live.Count >= Limit)
        {
            // A client that signs in for every request must not grow the emulator without bound.
            live.Clear();
        }

        var token = "rt-" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        live[token] = 0;
        return token;
    }

    /// <summary>True once per issued token: the first redemption wins, every later one fails.</summary>
    public bool Redeem(string token) => live.TryRemove(token, out _);

    /// <summary>Revokes every refresh token, so a test can force the fall-back to the password grant.</summary>
    public void RevokeAll() => live.Clear();
}
