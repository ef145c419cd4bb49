using Microsoft.Net.Http.Headers;

namespace CXoneRanking.Emulator;

/// <summary>
/// <c>POST /oauth/token</c>: the OAuth2 client-credentials grant (docs/design.md#client-credentials), and the password
/// and refresh_token grants of an access key (<see cref="AccessKeyGrants"/>), with the error codes of
/// RFC 6749 section 5.2. The form body is read here and nowhere else, and never journaled.
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

        if (grantType is "password" or "refresh_token")
        {
            await new AccessKeyGrants(state).HandleAsync(context, form, grantType);
            return;
        }

        if (!ClientAuthentication.SecretEquals(form["client_id"].ToString(), state.Options.ClientId)
            | !ClientAuthentication.SecretEquals(form["client_secret"].ToString(), state.Options.ClientSecret))
        {
            await RejectAsync(context, 401, "invalid_client", "unknown client or wrong secret");
            return;
        }

        if (grantType != "client_credentials")
        {
            await RejectAsync(context, 400, "unsupported_grant_type", "only client_credentials, password and refresh_token are supported");
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

    public static Task RejectAsync(HttpContext context, int status, string error, string description)
    {
        context.JournalNote().Record(JournalOutcome.TokenRejected, error);
        return JsonReply.WriteErrorAsync(context, status, error, description);
    }
}
