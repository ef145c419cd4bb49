namespace CXoneRanking.Api;

/// <summary>
/// The requests Connect-CXone makes before a connection exists: for client credentials one token
/// request; for an access key the OpenID discovery, the password grant, and (unless a base URI was
/// given) the tenant's API discovery. Each request gets the full request timeout, and a timeout
/// names the endpoint that did not answer.
/// </summary>
internal sealed class SignIn(ConnectionSettings settings, HttpClient http)
{
    public sealed record Result(TokenCache Tokens, Uri BaseUri, string? TenantId);

    private string _step = settings.Credentials is { } c
        ? $"The token endpoint {TokenClient.Describe(c.TokenUri)}"
        : $"The discovery document {TokenClient.Describe(CXoneDiscovery.OpenIdConfiguration(settings.AccessKey!.Issuer))}";

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        TokenCache? tokens = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.RequestTimeout);
            tokens = new TokenCache(await GrantAsync(timeout.Token).ConfigureAwait(false), settings.Time);
            _step = $"The token endpoint {TokenClient.Describe(tokens.Grant.TokenUri)}";
            timeout.CancelAfter(settings.RequestTimeout);
            await tokens.GetAsync(timeout.Token).ConfigureAwait(false);
            var tenantId = (tokens.Grant as PasswordGrant)?.TenantId;
            var baseUri = settings.BaseUri;
            if (baseUri is null)
            {
                var issuer = settings.AccessKey!.Issuer;
                if (tenantId is null)
                    throw new CXoneAuthenticationException(
                        $"The token endpoint {TokenClient.Describe(tokens.Grant.TokenUri)} sent no id_token with a tenant id claim "
                        + $"({string.Join(" or ", IdTokenClaims.TenantClaims)}), so the API endpoint cannot be discovered; give -BaseUri.");
                _step = $"The discovery document {TokenClient.Describe(CXoneDiscovery.CXoneConfiguration(issuer, tenantId))}";
                timeout.CancelAfter(settings.RequestTimeout);
                baseUri = await new CXoneDiscovery(http).ApiEndpointAsync(issuer, tenantId, timeout.Token).ConfigureAwait(false);
            }
            return new Result(tokens, baseUri, tenantId);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            tokens?.Dispose();
            throw new CXoneAuthenticationException($"{_step} did not answer within {settings.RequestTimeout.TotalSeconds:0} s.");
        }
        catch
        {
            tokens?.Dispose();
            throw;
        }
    }

    private async Task<ITokenGrant> GrantAsync(CancellationToken cancellationToken)
    {
        if (settings.Credentials is { } credentials) return new ClientCredentialsGrant(http, credentials, settings.Time);
        var key = settings.AccessKey!;
        var tokenUri = await new CXoneDiscovery(http).TokenEndpointAsync(key.Issuer, cancellationToken).ConfigureAwait(false);
        return new PasswordGrant(http, tokenUri, key, settings.Time);
    }
}
