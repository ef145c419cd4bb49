using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace CXoneRanking.Emulator;

/// <summary>
/// HTTP Basic client authentication as RFC 6749 section 2.3.1 defines it (client_secret_basic):
/// base64 of "id:secret" where id and secret were each form-url-encoded first, so both are
/// form-url-decoded here. A client that skips the encoding fails for ids or secrets holding
/// ':', '%', '+' or spaces, as it would against a strict server.
/// </summary>
internal static class ClientAuthentication
{
    /// <summary>The decoded id and secret, or null when the header is absent or not valid Basic.</summary>
    public static (string Id, string Secret)? ReadBasic(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string pair;
        try
        {
            pair = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return null;
        }

        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : (WebUtility.UrlDecode(pair[..colon]), WebUtility.UrlDecode(pair[(colon + 1)..]));
    }

    // Constant time, so the emulator does not teach a habit of leaking secret prefixes through timing.
    public static bool SecretEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
