namespace CXoneRanking.Api;

/// <summary>
/// One way of getting an access token (client credentials, or an access key with refresh).
/// <see cref="TokenCache"/> decides when a token is needed; the grant decides how to get one, so
/// the renewal rule and the one-request-in-flight guarantee are the same for every sign-in.
/// </summary>
internal interface ITokenGrant
{
    /// <summary>The endpoint tokens come from, for messages: never holds a secret.</summary>
    Uri TokenUri { get; }

    /// <summary>"client_credentials" or "password": what the connection shows.</summary>
    string GrantType { get; }

    /// <summary>A fresh token; throws <see cref="CXoneAuthenticationException"/> when refused or unreachable.</summary>
    Task<AccessToken> RequestAsync(CancellationToken cancellationToken);
}
