using System.Net.Http.Headers;
using System.Text;

namespace CXoneRanking.Api;

/// <summary>
/// The HTTP Basic client authentication of RFC 6749 section 2.3.1 (client_secret_basic): the id
/// and the secret are each form-url-encoded first, then joined by ':' and base64-encoded. Skipping
/// the encoding step breaks ids or secrets that hold ':', '%', '+' or non-ASCII characters.
/// </summary>
internal static class ClientSecretBasic
{
    public static AuthenticationHeaderValue Header(string clientId, string clientSecret)
    {
        var pair = FormEncode(clientId) + ":" + FormEncode(clientSecret);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
    }

    /// <summary>
    /// application/x-www-form-urlencoded as the HTML form algorithm writes it: ALPHA, DIGIT and
    /// "*-._" stay, a space becomes '+', every other UTF-8 byte becomes %XX (upper-case hex).
    /// </summary>
    public static string FormEncode(string text)
    {
        var encoded = new StringBuilder(text.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '*' or '-' or '.' or '_')
                encoded.Append(c);
            else if (c == ' ')
                encoded.Append('+');
            else
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
