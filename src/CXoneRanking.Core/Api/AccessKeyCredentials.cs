using System.Net.Http.Headers;
using System.Security;

namespace CXoneRanking.Api;

/// <summary>
/// How a real CXone back-end application signs in: the registered application's client id and
/// secret (HTTP Basic) plus a CXone API user's access key (the password grant's user name and
/// password). Both secrets stay <see cref="SecureString"/>s, revealed only while a request is
/// written; no property or ToString exposes them.
/// </summary>
public sealed class AccessKeyCredentials(Uri issuer, string clientId, SecureString clientSecret, string accessKeyId, SecureString accessKeySecret)
{
    public static readonly Uri DefaultIssuer = new("https://cxone.niceincontact.com");
    public static readonly Uri GovernmentIssuer = new("https://cxone-gov.niceincontact.com");

    public Uri Issuer { get; } = issuer;
    public string ClientId { get; } = clientId;
    public string AccessKeyId { get; } = accessKeyId;
    internal SecureString ClientSecret { get; } = clientSecret;
    internal SecureString AccessKeySecret { get; } = accessKeySecret;

    internal AuthenticationHeaderValue ToBasicHeader() =>
        SecureStrings.Reveal(ClientSecret, secret => ClientSecretBasic.Header(ClientId, secret));

    internal HttpContent ToPasswordForm() => SecureStrings.Reveal(AccessKeySecret, secret => new FormUrlEncodedContent(
    [
        new("grant_type", "password"),
        new("username", AccessKeyId),
        new("password", secret),
    ]));

    internal static HttpContent ToRefreshForm(string refreshToken) => new FormUrlEncodedContent(
    [
        new("grant_type", "refresh_token"),
        new("refresh_token", refreshToken),
    ]);

    internal string? Problem() =>
        EndpointPolicy.Problem(Issuer, "issuer")
        ?? (string.IsNullOrWhiteSpace(ClientId) ? "the client id is empty" : null)
        ?? (ClientSecret.Length == 0 ? "the client secret is empty" : null)
        ?? (string.IsNullOrWhiteSpace(AccessKeyId) ? "the access key id is empty" : null)
        ?? (AccessKeySecret.Length == 0 ? "the access key secret is empty" : null);

    public override string ToString() => $"access key '{AccessKeyId}' for client '{ClientId}' at {TokenClient.Describe(Issuer)}";
}
