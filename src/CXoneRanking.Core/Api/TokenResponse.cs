namespace CXoneRanking.Api;

/// <summary>
/// A token endpoint's answer. The refresh and id tokens stay internal to the grant that asked
/// for them; ToString names none of the three.
/// </summary>
internal sealed class TokenResponse(AccessToken accessToken, string? refreshToken, string? idToken)
{
    public AccessToken AccessToken { get; } = accessToken;
    public string? RefreshToken { get; } = refreshToken;
    public string? IdToken { get; } = idToken;

    public override string ToString() => AccessToken.ToString();
}
