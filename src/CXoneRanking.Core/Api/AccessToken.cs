namespace CXoneRanking.Api;

/// <summary>A bearer token and when it dies. Its ToString never shows the token.</summary>
internal sealed class AccessToken(string value, DateTimeOffset issuedAt, TimeSpan lifetime)
{
    public string Value { get; } = value;
    public DateTimeOffset IssuedAt { get; } = issuedAt;
    public TimeSpan Lifetime { get; } = lifetime;
    public DateTimeOffset ExpiresAt => IssuedAt + Lifetime;

    /// <summary>
    /// Renew when less than 60 s of life remain, or half the lifetime when that is shorter, so a
    /// short-lived token is not renewed on every call.
    /// </summary>
    public bool NeedsRenewal(DateTimeOffset now)
    {
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(60).Ticks, Lifetime.Ticks / 2));
        return now >= ExpiresAt - margin;
    }

    public override string ToString() => $"access token (expires {ExpiresAt:u})";
}
