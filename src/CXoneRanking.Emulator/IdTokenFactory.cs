using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CXoneRanking.Emulator;

/// <summary>
/// Writes the OpenID id token of a password or refresh grant: an HS256 JWT keyed with the client
/// secret (as OpenID Connect Core 10.1 allows for symmetric signatures), whose claims include the
/// tenant id under <c>tenantId</c>. It is an emulator's token: nothing but the claims matters.
/// </summary>
internal static class IdTokenFactory
{
    public static string Create(EmulatorOptions options, string issuer, DateTimeOffset now)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "HS256", ["typ"] = "JWT" }));
        var claims = new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["sub"] = options.AccessKeyId,
            ["aud"] = options.ClientId,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + options.TokenLifetime).ToUnixTimeSeconds(),
            ["tenantId"] = options.TenantId,
        };
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.ClientSecret), Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + Encode(signature);
    }

    private static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
