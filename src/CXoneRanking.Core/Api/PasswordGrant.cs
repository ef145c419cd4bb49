namespace CXoneRanking.Api;

/// <summary>
/// CXone's access-key sign-in: the password grant with the access key, then refresh_token grants
/// while the refresh token lasts, falling back to a new password grant when a refresh is refused
/// or fails. Client authentication is HTTP Basic on every request. The refresh and id tokens live
/// in private fields only; <see cref="TenantId"/> is the one thing read from the id token.
/// </summary>
internal sealed class PasswordGrant : ITokenGrant
{
    private readonly TokenClient _password;
    private readonly TokenClient _refresh;
    private readonly AccessKeyCredentials _credentials;
    private string? _refreshToken;
    private string? _tenantId;
    private int _refreshes;
    private int _fallbacks;

    public PasswordGrant(HttpClient http, Uri tokenUri, AccessKeyCredentials credentials, TimeProvider time)
    {
        TokenUri = tokenUri;
        _credentials = credentials;
        _password = new TokenClient(http, tokenUri, "password", time);
        _refresh = new TokenClient(http, tokenUri, "refresh_token", time);
    }

    public Uri TokenUri { get; }

    public string GrantType => "password";

    /// <summary>The tenant named by the latest id token, or null when none named one.</summary>
    public string? TenantId => Volatile.Read(ref _tenantId);

    /// <summary>Tokens renewed with the refresh token.</summary>
    public int Refreshes => Volatile.Read(ref _refreshes);

    /// <summary>Refreshes that failed and fell back to the access key.</summary>
    public int Fallbacks => Volatile.Read(ref _fallbacks);

    // TokenCache serializes renewals, so the refresh token is never used by two requests at once
    // (a server that rotates refresh tokens would otherwise refuse the second).
    public async Task<AccessToken> RequestAsync(CancellationToken cancellationToken)
    {
        var refreshToken = Volatile.Read(ref _refreshToken);
        if (refreshToken is not null)
        {
            try
            {
                var refreshed = await _refresh.RequestAsync(() => AccessKeyCredentials.ToRefreshForm(refreshToken), _credentials.ToBasicHeader(),
                    cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _refreshes);
                return Keep(refreshed, refreshToken);
            }
            catch (CXoneAuthenticationException) when (!cancellationToken.IsCancellationRequested)
            {
                // An expired or revoked refresh token is routine: sign in again with the access key.
                Volatile.Write(ref _refreshToken, null);
                Interlocked.Increment(ref _fallbacks);
            }
        }

        var signedIn = await _password.RequestAsync(_credentials.ToPasswordForm, _credentials.ToBasicHeader(), cancellationToken)
            .ConfigureAwait(false);
        return Keep(signedIn, null);
    }

    private AccessToken Keep(TokenResponse response, string? previousRefreshToken)
    {
        // A server that does not rotate refresh tokens sends none with a refresh: keep the old one.
        Volatile.Write(ref _refreshToken, response.RefreshToken ?? previousRefreshToken);
        if (response.IdToken is { } idToken && IdTokenClaims.TenantId(idToken) is { } tenant)
            Volatile.Write(ref _tenantId, tenant);
        return response.AccessToken;
    }
}
