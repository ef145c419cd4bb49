namespace CXoneRanking;

/// <summary>How one session's submission ended; every value but Succeeded and Unchanged is also an error id.</summary>
public enum SubmissionStatus
{
    Succeeded,
    /// <summary>The ranking broke the engine's constraints before it was sent; nothing was sent.</summary>
    InvalidRanking,
    /// <summary>The API answered 400 (or another 4xx) with the problems it found.</summary>
    RankingRejected,
    /// <summary>The session stayed locked (409) past the lock timeout.</summary>
    SessionLocked,
    /// <summary>Still 429 after every attempt.</summary>
    RateLimited,
    /// <summary>Still 5xx after every attempt.</summary>
    EngineFailure,
    /// <summary>Connections dropped or attempts timed out, every time.</summary>
    TransportFailure,
    /// <summary>The API refused the token even after one renewal, or no token could be had.</summary>
    Unauthorized,
    /// <summary>The circuit breaker is open after repeated failures of this tenant.</summary>
    CircuitOpen,
    /// <summary>The submission's total timeout passed.</summary>
    TimedOut,
    /// <summary>Stopped by Ctrl+C (or the caller's cancellation).</summary>
    Cancelled,
    /// <summary>Not sent: the audit log could not record it first (or had failed earlier in the run).</summary>
    AuditUnavailable,
    /// <summary>
    /// Not sent (-SkipUnchanged): the ranking is the one last applied to the session; nothing
    /// needed doing and the server has it. Not an error: Succeeded is true.
    /// </summary>
    Unchanged,
    /// <summary>The API answered with a redirect (3xx); the module never follows one with a token or a ranking.</summary>
    RedirectRefused,
}
