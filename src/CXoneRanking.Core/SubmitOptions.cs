namespace CXoneRanking;

/// <summary>Per-call options of Submit-SnippetRanking beyond the ranking itself.</summary>
public sealed class SubmitOptions
{
    /// <summary>How long to wait for a locked session (409) to unlock.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where to POST the audit entry and the API's answer after each submission.</summary>
    public Uri? CallbackUri { get; init; }

    /// <summary>Signs callbacks (X-CXone-Signature: sha256=HMAC of the body) when set.</summary>
    public System.Security.SecureString? CallbackSecret { get; init; }

    public TimeSpan CallbackTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
