namespace CXoneRanking.Emulator;

/// <summary>
/// The password and refresh_token grants CXone back-end applications use: the application
/// authenticates with HTTP Basic only (client_secret_basic), the access key is the user name and
/// password, and the answer adds a rotated refresh token and an id token with the tenant id.
/// Nothing from the form, the header or the answer is journaled beyond the outcome word.
/// </summary>
internal sealed class AccessKeyGrants(EmulatorState state)
{
    public Task HandleAsync(HttpContext context, IFormCollection form, string grantType)
    {
        var options = state.Options;
        if (form.ContainsKey("client_secret"))
        {
            return TokenEndpoint.RejectAsync(context, 400, "invalid_request",
                "use HTTP Basic client authentication only, not client_secret in the form");
        }

        if (ClientAuthentication.ReadBasic(context) is not { } client
            || !ClientAuthentication.SecretEquals(client.Id, options.ClientId)
            | !ClientAuthentication.SecretEquals(client.Secret, options.ClientSecret))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"CXone emulator\"";
            return TokenEndpoint.RejectAsync(context, 401, "invalid_client", "HTTP Basic client authentication failed");
        }

        if (grantType == "password")
        {
            var username = form["username"].ToString();
            var password = form["password"].ToString();
            if (username.Length == 0 || password.Length == 0)
            {
                return TokenEndpoint.RejectAsync(context, 400, "invalid_request", "username and password are required");
            }

            if (!ClientAuthentication.SecretEquals(username, options.AccessKeyId)
                | !ClientAuthentication.SecretEquals(password, options.AccessKeySecret))
            {
                return TokenEndpoint.RejectAsync(context, 400, "invalid_grant", "unknown access key or wrong secret");
            }
        }
        else
        {
            var refreshToken = form["refresh_token"].ToString();
            if (refreshToken.Length == 0)
            {
                return TokenEndpoint.RejectAsync(context, 400, "invalid_request", "refresh_token is required");
            }

            if (!state.RefreshTokens.Redeem(refreshToken))
            {
                return TokenEndpoint.RejectAsync(context, 400, "invalid_grant", "the refresh token is unknown, used or revoked");
            }
        }

        context.JournalNote().Record(JournalOutcome.TokenIssued, grantType);
        var issued = new AccessKeyTokenIssued(
            state.Tokens.Issue(),
            (int)state.Tokens.Lifetime.TotalSeconds,
            "Bearer",
            state.RefreshTokens.Issue(),
            IdTokenFactory.Create(options, DiscoveryEndpoints.Self(context), state.Time.GetUtcNow()));
        return JsonReply.WriteAsync(context, StatusCodes.Status200OK, issued, EmulatorJsonContext.Default.AccessKeyTokenIssued);
    }
}
