using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CXoneRanking.Api;

/// <summary>
/// One POST to an OAuth2 token endpoint, whatever the grant (docs/design.md#connection-and-sign-in, RFC 6749). Failures
/// become <see cref="CXoneAuthenticationException"/>s that name the endpoint and the server's error
/// code, never a secret, the form body, the Authorization header or a token.
/// </summary>
internal sealed class TokenClient(HttpClient http, Uri endpoint, string grant, TimeProvider time)
{
    /// <param name="form">Builds the form, revealing a secret only for that moment.</param>
    /// <param name="clientAuthentication">HTTP Basic client authentication, or null when the form carries it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<TokenResponse> RequestAsync(Func<HttpContent> form, AuthenticationHeaderValue? clientAuthentication,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = form() };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Authorization = clientAuthentication;
        int status;
        string body, reason;
        Uri? location;
        DateTimeOffset issuedAt;
        try
        {
            // Headers first: the body is then read up to HttpBodies' limit, never buffered whole. Both
            // are read here, so an answer cut short is "could not reach", like a refused connection.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            issuedAt = time.GetUtcNow();
            (status, reason, location) = ((int)response.StatusCode, response.ReasonPhrase ?? string.Empty, HttpRedirects.Location(response));
            body = await HttpBodies.ReadBoundedAsync(response.Content, cancellationToken, encoding: HttpBodies.StrictUtf8).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var why = e is OperationCanceledException ? "it did not answer in time" : e.Message;
            throw new CXoneAuthenticationException($"Could not reach the token endpoint {Describe(endpoint)}: {why}", null, e);
        }
        catch (DecoderFallbackException e)
        {
            throw new CXoneAuthenticationException(
                $"The token endpoint {Describe(endpoint)} answered with something that is not UTF-8 text, so not a token response.", null, e);
        }
        if (HttpRedirects.IsRedirect(status))
            throw new CXoneAuthenticationException(
                $"The token endpoint {Describe(endpoint)} answered {status}, redirecting to {HttpRedirects.Describe(location)}; "
                + $"the redirect was refused: {HttpRedirects.NeverFollowed}. Give the token endpoint's own address.", status)
            {
                RedirectLocation = location,
            };
        if (status != (int)HttpStatusCode.OK)
            throw new CXoneAuthenticationException(
                $"The token endpoint {Describe(endpoint)} refused the request: {status} "
                    + $"{ErrorCode(body) ?? reason}{Hint(ErrorCode(body), grant)}",
                status);
        return Parse(body, issuedAt, endpoint);
    }

    private static TokenResponse Parse(string body, DateTimeOffset issuedAt, Uri endpoint)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var token = root.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var lifetime = root.TryGetProperty("expires_in", out var e) && e.TryGetDouble(out var seconds) && seconds > 0 ? seconds : (double?)null;
            if (string.IsNullOrEmpty(token) || lifetime is null)
                throw new CXoneAuthenticationException(
                    $"The token endpoint {Describe(endpoint)} answered without an access_token and a positive expires_in.");
            if (!AccessToken.IsSendable(token!))
                throw new CXoneAuthenticationException($"The token endpoint {Describe(endpoint)} answered with an access_token holding "
                    + "characters an HTTP header cannot carry (control characters, spaces or non-ASCII), so not a usable token.");
            var accessToken = new AccessToken(token!, issuedAt, AccessToken.Bounded(lifetime.Value));
            return new TokenResponse(accessToken, Text(root, "refresh_token"), Text(root, "id_token"));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new CXoneAuthenticationException(
                $"The token endpoint {Describe(endpoint)} answered with something that is not a JSON token response.", null, e);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    // Only a short, word-like OAuth error code is echoed: a description could repeat input.
    private static string? ErrorCode(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var code = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var e)
                && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            return code is { Length: > 0 and <= 64 } && code.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.') ? code : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Hint(string? code, string grant) => code switch
    {
        "invalid_client" => " (check the client id and secret)",
        "invalid_scope" => " (check -Scope)",
        "invalid_grant" when grant == "password" => " (check the access key id and secret)",
        "invalid_grant" when grant == "refresh_token" => " (the refresh token was refused)",
        "unsupported_grant_type" when grant == "client_credentials" => " (the endpoint does not accept client credentials)",
        "unsupported_grant_type" => $" (the endpoint does not accept the {grant} grant)",
        _ => string.Empty,
    };

    internal static string Describe(Uri uri) => uri.GetLeftPart(UriPartial.Path);
}
