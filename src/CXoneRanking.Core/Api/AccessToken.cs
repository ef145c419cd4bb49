namespace CXoneRanking.Api;

/// <summary>A bearer token and when it dies. Its ToString never shows the token.</summary>
internal sealed class AccessToken(string value, DateTimeOffset issuedAt, TimeSpan lifetime)
{
    /// <summary>
    /// The longest life a token is believed to have, whatever expires_in says: 1e300 s would overflow
    /// TimeSpan and 3e11 s DateTimeOffset, and a token renewed a day early costs one request.
    /// </summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

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

    /// <summary>expires_in (positive seconds), bounded by <see cref="MaxLifetime"/>.</summary>
    public static TimeSpan Bounded(double seconds) => seconds >= MaxLifetime.TotalSeconds ? MaxLifetime : TimeSpan.FromSeconds(seconds);

    /// <summary>
    /// True when the token can be sent as a Bearer header value: visible ASCII only (RFC 6750's
    /// b64token is narrower). CR/LF, NUL, spaces and non-ASCII are refused at sign-in, not at the first POST.
    /// </summary>
    public static bool IsSendable(string value) => value.All(c => c is > ' ' and < '\u007f');

    public override string ToString() => $"access token (expires {ExpiresAt:u})";
}
