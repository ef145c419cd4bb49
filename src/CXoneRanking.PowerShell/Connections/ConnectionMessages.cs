using CXoneRanking.Api;

namespace CXoneRanking.PowerShell.Connections;

/// <summary>
/// Connect-CXone's verbose lines. Built only from public, secret-free members: ids, addresses
/// and expiry, never a secret, a refresh token or an id token.
/// </summary>
internal static class ConnectionMessages
{
    public static string Starting(ConnectionSettings settings) => settings.AccessKey is { } key
        ? $"Discovering the token endpoint of {key.Issuer.GetLeftPart(UriPartial.Path)} to sign in with access key '{key.AccessKeyId}' "
            + $"for client '{key.ClientId}'."
        : $"Requesting a token from {settings.Credentials!.TokenUri.GetLeftPart(UriPartial.Path)} for client '{settings.Credentials.ClientId}'.";

    public static string Connected(CXoneConnection connection) =>
        $"Connected: {connection}; the token expires at {connection.TokenExpiresAt:u}."
        + (connection.ApiEndpointDiscovered
            ? $" The API endpoint {connection.BaseUri} was discovered for tenant {connection.TenantId}."
            : string.Empty);
}
