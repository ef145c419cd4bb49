namespace CXoneRanking.Api;

/// <summary>The OAuth2 client-credentials grant (docs/design.md#client-credentials): the default sign-in, as before.</summary>
internal sealed class ClientCredentialsGrant(HttpClient http, ClientCredentials credentials, TimeProvider time) : ITokenGrant
{
    private readonly TokenClient _client = new(http, credentials.TokenUri, "client_credentials", time);

    public Uri TokenUri => credentials.TokenUri;

    public string GrantType => "client_credentials";

    public async Task<AccessToken> RequestAsync(CancellationToken cancellationToken) =>
        (await _client.RequestAsync(credentials.ToForm, null, cancellationToken).ConfigureAwait(false)).AccessToken;
}
