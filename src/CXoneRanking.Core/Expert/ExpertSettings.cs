using System.Security;
using CXoneRanking.Api;

namespace CXoneRanking.Expert;

/// <summary>
/// Everything needed to reach one CXone Expert (MindTouch) site with a server API token, checked
/// before any request is made. The secret stays a <see cref="SecureString"/> here; the connection
/// copies it once into a byte array that it zeroes when disposed.
/// </summary>
public sealed class ExpertSettings
{
    // The one source of these defaults and limits: Connect-CXoneExpert's parameter attributes use them too.
    // 4 attempts, not CXone's 5: an Expert request is a search or a click someone is waiting for,
    // not a nightly batch, so it gives up after three backoffs (about 3.5 s) instead of four (7.5 s).
    public const int DefaultMaxAttempts = 4;
    public const int MaxAttemptsLimit = 10;
    public const int DefaultRequestTimeoutSeconds = ConnectionSettings.DefaultRequestTimeoutSeconds;
    public const int MaxRequestTimeoutSeconds = ConnectionSettings.MaxRequestTimeoutSeconds;

    /// <summary>The site, e.g. https://help.example.com; only its scheme and authority are used.</summary>
    public Uri? Site { get; init; }

    /// <summary>The server API token's key (its public id, shown in the token dashboard).</summary>
    public string? Key { get; init; }

    /// <summary>The server API token's secret.</summary>
    public SecureString? Secret { get; init; }

    /// <summary>Who the token signs in as: an Expert user id ("1") or "=" and a username ("=admin").</summary>
    public string? User { get; init; }

    /// <summary>The audit directory Import-CXoneExpertSearchLog and Add-SnippetClick -Expert use when given none.</summary>
    public string? AuditPath { get; init; }

    /// <summary>
    /// Lets tests and the emulator supply their own handler; the connection never disposes it. Null uses the
    /// module's, which follows no redirect; a handler given here keeps its own redirect setting.
    /// </summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>The clock: each request's token carries its Unix time, and retries wait on it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(DefaultRequestTimeoutSeconds);

    /// <summary>Attempts per request, retries of 429 and 5xx included.</summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <summary>Base of the jittered exponential backoff between retries.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The largest answer read; a larger one fails rather than being buffered.</summary>
    public int MaxAnswerBytes { get; init; } = HttpBodies.MaxResponseBytes;

    public string? Problem() =>
        EndpointPolicy.Problem(Site, "Expert site")
        ?? KeyProblem()
        ?? (Secret is null || Secret.Length == 0 ? "the token secret is empty" : null)
        ?? UserProblem()
        ?? (RequestTimeout <= TimeSpan.Zero ? "the request timeout must be positive" : null)
        ?? (MaxAttempts is < 1 or > MaxAttemptsLimit ? $"MaxAttempts {MaxAttempts} is outside 1..{MaxAttemptsLimit}" : null)
        ?? (RetryBaseDelay < TimeSpan.Zero ? "the retry delay must not be negative" : null)
        ?? (MaxAnswerBytes is < 1024 or > 256 * 1024 * 1024 ? $"MaxAnswerBytes {MaxAnswerBytes} is outside 1 KiB..256 MiB" : null);

    private static bool IsWellFormed(string text) => UnicodeText.LoneSurrogateIndex(text) < 0;

    // The token is tkn_{key}_{epoch}_{user}_{hash}: an underscore in the key would make it ambiguous.
    private string? KeyProblem()
    {
        if (string.IsNullOrWhiteSpace(Key)) return "the token key is empty";
        return Key!.Any(c => c == '_' || char.IsWhiteSpace(c) || char.IsControl(c))
            ? "the token key must not contain '_', spaces or control characters"
            : null;
    }

    private string? UserProblem()
    {
        if (string.IsNullOrWhiteSpace(User)) return "the user is empty: give an Expert user id or =username";
        // Any printable name will do: the token percent-encodes it (ExpertServerToken.EncodeUser).
        if (User!.Any(char.IsControl)) return "the user must not contain control characters";
        if (!IsWellFormed(User!)) return "the user is not well-formed text (a lone surrogate)";
        return User == "=" ? "the user '=' names no username" : null;
    }
}
