namespace CXoneRanking;

/// <summary>Per-call options of Submit-SnippetRanking beyond the ranking itself.</summary>
public sealed class SubmitOptions
{
    // The one source of these defaults and limits: Submit-SnippetRanking's parameter attributes use them too.
    public const int DefaultLockTimeoutSeconds = 30;
    public const int MaxLockTimeoutSeconds = 3600;
    public const int DefaultThrottleLimit = 4;
    public const int MaxThrottleLimit = 64;

    /// <summary>How long to wait for a locked session (409) to unlock.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(DefaultLockTimeoutSeconds);

    /// <summary>Where to POST the audit entry and the API's answer after each submission.</summary>
    public Uri? CallbackUri { get; init; }

    /// <summary>Signs callbacks (X-CXone-Signature: sha256=HMAC of the body) when set.</summary>
    public System.Security.SecureString? CallbackSecret { get; init; }

    public TimeSpan CallbackTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
