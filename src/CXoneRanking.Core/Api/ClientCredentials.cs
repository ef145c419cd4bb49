using System.Security;

namespace CXoneRanking.Api;

/// <summary>
/// Who the module signs in as. The secret stays a <see cref="SecureString"/>; it is revealed only
/// while the token request's form is written, and no property or ToString exposes it.
/// </summary>
public sealed class ClientCredentials(Uri tokenUri, string clientId, SecureString clientSecret, IReadOnlyList<string> scopes)
{
    public static readonly IReadOnlyList<string> DefaultScopes = ["agentassist:session:write", "agentassist:snippet:write"];

    public Uri TokenUri { get; } = tokenUri;
    public string ClientId { get; } = clientId;
    public IReadOnlyList<string> Scopes { get; } = scopes;
    internal SecureString ClientSecret { get; } = clientSecret;

    internal HttpContent ToForm() => SecureStrings.Reveal(ClientSecret, secret => new FormUrlEncodedContent(
    [
        new("grant_type", "client_credentials"),
        new("client_id", ClientId),
        new("client_secret", secret),
        new("scope", string.Join(" ", Scopes)),
    ]));

    public override string ToString() => $"client '{ClientId}' at {TokenClient.Describe(TokenUri)}";
}
