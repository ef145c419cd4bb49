namespace CXoneRanking.Api;

/// <summary>Everything Connect-CXone gathered, checked before any request is made.</summary>
public sealed class ConnectionSettings
{
    // The one source of these defaults and limits: Connect-CXone's parameter attributes use them too.
    public const int DefaultMaxAttempts = 5;
    public const int MaxAttemptsLimit = 20;
    public const int DefaultRequestTimeoutSeconds = 30;
    public const int MaxRequestTimeoutSeconds = 600;
    public const int DefaultTotalTimeoutSeconds = 180;
    public const int MaxTotalTimeoutSeconds = 3600;

    /// <summary>The API address; with <see cref="AccessKey"/> it may be left out and is then discovered.</summary>
    public Uri? BaseUri { get; init; }

    /// <summary>Client-credentials sign-in (the default). Give this or <see cref="AccessKey"/>.</summary>
    public ClientCredentials? Credentials { get; init; }

    /// <summary>CXone access-key sign-in with OpenID discovery. Give this or <see cref="Credentials"/>.</summary>
    public AccessKeyCredentials? AccessKey { get; init; }

    public string RankingPathTemplate { get; init; } = PathTemplate.DefaultRanking;
    public string SessionPathTemplate { get; init; } = PathTemplate.DefaultSession;

    public string? AuditPath { get; init; }

    /// <summary>POST attempts per session, retries included.</summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(DefaultRequestTimeoutSeconds);

    /// <summary>How long one session's submission may take in all, retries and lock waits included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(DefaultTotalTimeoutSeconds);

    /// <summary>Client-side limit on ranking requests per second, or null for none.</summary>
    public double? RateLimitPerSecond { get; init; }

    /// <summary>Base of the exponential backoff between retries (jittered).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Lets tests and the emulator supply their own handler; null uses the module's, which follows no
    /// redirect (<see cref="ModuleHttpHandler"/>). A handler given here keeps its own redirect setting.
    /// </summary>
    public HttpMessageHandler? Handler { get; init; }

    public string? Problem() =>
        SignInProblem()
        ?? PathTemplate.Problem(RankingPathTemplate, "ranking path template")
        ?? PathTemplate.Problem(SessionPathTemplate, "session path template")
        ?? (MaxAttempts is < 1 or > MaxAttemptsLimit ? $"MaxAttempts {MaxAttempts} is outside 1..{MaxAttemptsLimit}" : null)
        ?? (RequestTimeout <= TimeSpan.Zero ? "the request timeout must be positive" : null)
        ?? (TotalTimeout < RequestTimeout ? "the total timeout must be at least the request timeout" : null)
        ?? (RateLimitPerSecond is <= 0 ? "the rate limit must be positive" : null);

    private string? SignInProblem() => (Credentials, AccessKey) switch
    {
        (null, null) => "no credentials: give client credentials or an access key",
        ({ }, { }) => "give client credentials or an access key, not both",
        (null, { } key) => (BaseUri is null ? null : EndpointPolicy.Problem(BaseUri, "base URI")) ?? key.Problem(),
        ({ } client, null) =>
            EndpointPolicy.Problem(BaseUri, "base URI")
            ?? EndpointPolicy.Problem(client.TokenUri, "token URI")
            ?? (string.IsNullOrWhiteSpace(client.ClientId) ? "the client id is empty" : null)
            ?? (client.ClientSecret.Length == 0 ? "the client secret is empty" : null),
    };
}
