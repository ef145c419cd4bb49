using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace CXoneRanking.Emulator;

/// <summary>
/// <c>POST /oauth/token</c>: the OAuth2 client-credentials grant of SPEC section 2, with the error
/// codes of RFC 6749 section 5.2. The form body is read here and nowhere else, and never journaled.
/// </summary>
internal sealed class TokenEndpoint(EmulatorState state)
{
    public static readonly string[] RequiredScopes = ["agentassist:session:write", "agentassist:snippet:write"];

    public async Task HandleAsync(HttpContext context)
    {
        // Token answers must never be cached by anything in between (RFC 6749 section 5.1).
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";

        if (!IsFormUrlEncoded(context.Request.ContentType))
        {
            await RejectAsync(context, 400, "invalid_request", "expected Content-Type application/x-www-form-urlencoded");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Any(field => field.Value.Count > 1))
        {
            await RejectAsync(context, 400, "invalid_request", "a form field is given more than once");
            return;
        }

        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            await RejectAsync(context, 400, "invalid_request", "grant_type is missing");
            return;
        }

        if (!SecretEquals(form["client_id"].ToString(), state.Options.ClientId)
            | !SecretEquals(form["client_secret"].ToString(), state.Options.ClientSecret))
        {
            await RejectAsync(context, 401, "invalid_client", "unknown client or wrong secret");
            return;
        }

        if (grantType != "client_credentials")
        {
            await RejectAsync(context, 400, "unsupported_grant_type", "only client_credentials is supported");
            return;
        }

        var scopes = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!RequiredScopes.All(scopes.Contains))
        {
            await RejectAsync(context, 400, "invalid_scope", "scope must include " + string.Join(' ', RequiredScopes));
            return;
        }

        context.JournalNote().Record(JournalOutcome.TokenIssued);
        var issued = new TokenIssued(
            state.Tokens.Issue(), (int)state.Tokens.Lifetime.TotalSeconds, "Bearer", string.Join(' ', RequiredScopes));
        await JsonReply.WriteAsync(context, StatusCodes.Status200OK, issued, EmulatorJsonContext.Default.TokenIssued);
    }

    private static bool IsFormUrlEncoded(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    // Constant time, so the emulator does not teach a habit of leaking secret prefixes through timing.
    private static bool SecretEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static Task RejectAsync(HttpContext context, int status, string error, string description)
    {
        context.JournalNote().Record(JournalOutcome.TokenRejected, error);
        return JsonReply.WriteErrorAsync(context, status, error, description);
    }
}
