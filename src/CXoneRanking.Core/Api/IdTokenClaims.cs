using System.Text.Json;

namespace CXoneRanking.Api;

/// <summary>
/// Reads the tenant id from an OpenID id token. The signature is NOT validated: the token came
/// straight from the token endpoint over TLS (or loopback), and the tenant id only chooses which
/// discovery document to read; it grants nothing. Nothing else in the token is trusted or kept,
/// and no error ever repeats the token.
/// </summary>
internal static class IdTokenClaims
{
    /// <summary>Claim names CXone and compatible servers use for the tenant, first match wins.</summary>
    public static readonly string[] TenantClaims = ["tenantId", "tenant_id"];

    public static string? TenantId(string idToken)
    {
        var parts = idToken.Split('.');
        if (parts.Length != 3 || Base64UrlDecode(parts[1]) is not { } payload) return null;
        try
        {
            using var json = JsonDocument.Parse(payload);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var name in TenantClaims)
            {
                if (json.RootElement.TryGetProperty(name, out var claim) && claim.ValueKind == JsonValueKind.String
                    && claim.GetString() is { Length: > 0 and <= 128 } tenant && tenant.All(c => !char.IsControl(c)))
                    return tenant;
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static byte[]? Base64UrlDecode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
