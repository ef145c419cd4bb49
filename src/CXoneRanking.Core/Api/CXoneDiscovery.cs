using System.Net;
using System.Text;
using System.Text.Json;

namespace CXoneRanking.Api;

/// <summary>
/// The issuer's two discovery documents: OpenID's <c>/.well-known/openid-configuration</c>
/// (<c>token_endpoint</c>) and CXone's <c>/.well-known/cxone-configuration?tenantId=</c>
/// (<c>api_endpoint</c>). Whatever they name must pass <see cref="EndpointPolicy"/> like a
/// typed address, so a tampered document cannot send the access key over plain http.
/// </summary>
internal sealed class CXoneDiscovery(HttpClient http)
{
    public static Uri OpenIdConfiguration(Uri issuer) => WellKnown(issuer, "openid-configuration");

    public static Uri CXoneConfiguration(Uri issuer, string tenantId) =>
        new(WellKnown(issuer, "cxone-configuration") + "?tenantId=" + Uri.EscapeDataString(tenantId));

    public Task<Uri> TokenEndpointAsync(Uri issuer, CancellationToken cancellationToken) =>
        EndpointAsync(OpenIdConfiguration(issuer), "token_endpoint", cancellationToken);

    public Task<Uri> ApiEndpointAsync(Uri issuer, string tenantId, CancellationToken cancellationToken) =>
        EndpointAsync(CXoneConfiguration(issuer, tenantId), "api_endpoint", cancellationToken);

    private async Task<Uri> EndpointAsync(Uri document, string field, CancellationToken cancellationToken)
    {
        var where = TokenClient.Describe(document);
        using var request = new HttpRequestMessage(HttpMethod.Get, document);
        request.Headers.Accept.ParseAdd("application/json");
        int status;
        string body, reason;
        Uri? location;
        try
        {
            // The body is read here too: an answer cut short is "could not read", like a refused connection.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            (status, reason, location) = ((int)response.StatusCode, response.ReasonPhrase ?? string.Empty, HttpRedirects.Location(response));
            body = await HttpBodies.ReadBoundedAsync(response.Content, cancellationToken, encoding: HttpBodies.StrictUtf8).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var why = e is OperationCanceledException ? "it did not answer in time" : e.Message;
            throw new CXoneAuthenticationException($"Could not read the discovery document {where}: {why}", null, e);
        }
        catch (DecoderFallbackException e)
        {
            throw new CXoneAuthenticationException($"The discovery document {where} is not UTF-8 text.", null, e);
        }
        if (HttpRedirects.IsRedirect(status))
            throw new CXoneAuthenticationException(
                $"The discovery document {where} answered {status}, redirecting to {HttpRedirects.Describe(location)}; "
                + $"the redirect was refused: {HttpRedirects.NeverFollowed}. Give the issuer's own address.", status)
            {
                RedirectLocation = location,
            };
        if (status != (int)HttpStatusCode.OK)
            throw new CXoneAuthenticationException($"The discovery document {where} answered {status} {reason}.", status);
        var text = JsonObjects.ParseObject(body) is { } json && json.TryGetValue(field, out var value) ? value as string : null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var endpoint))
            throw new CXoneAuthenticationException($"The discovery document {where} names no absolute {field}.", status);
        if (EndpointPolicy.Problem(endpoint, field) is { } problem)
            throw new CXoneAuthenticationException($"The discovery document {where} is not usable: {problem}.", status);
        return endpoint;
    }

    // OpenID Connect Discovery 1.0 section 4: the issuer's path (if any) comes before /.well-known.
    private static Uri WellKnown(Uri issuer, string document) =>
        new(issuer.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/.well-known/" + document);
}
