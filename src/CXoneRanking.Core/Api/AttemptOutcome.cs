namespace CXoneRanking.Api;

/// <summary>What one HTTP attempt came to: a status with its (bounded) body, or a transport fault.</summary>
internal sealed class AttemptOutcome
{
    private AttemptOutcome(int? status, string body, TimeSpan? retryAfter, Exception? fault, Uri? redirectLocation = null)
    {
        StatusCode = status;
        Body = body;
        RetryAfter = retryAfter;
        Fault = fault;
        RedirectLocation = redirectLocation;
    }

    public int? StatusCode { get; }
    public string Body { get; }
    public TimeSpan? RetryAfter { get; }
    public Exception? Fault { get; }

    /// <summary>Where a redirect answer pointed (never followed: see <see cref="ModuleHttpHandler"/>).</summary>
    public Uri? RedirectLocation { get; }

    public bool IsRedirect => StatusCode is { } status && HttpRedirects.IsRedirect(status);

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>Worth another try: rate limited, timed out, an engine failure or a dropped connection.</summary>
    public bool IsTransient => Fault is not null || StatusCode is 408 or 429 or >= 500;

    public static AttemptOutcome FromResponse(int status, string body, TimeSpan? retryAfter, Uri? redirectLocation = null) =>
        new(status, body, retryAfter, null, redirectLocation);

    public static AttemptOutcome FromFault(Exception fault) => new(null, string.Empty, null, fault);

    public override string ToString() => StatusCode is { } status ? $"HTTP {status}" : $"transport failure ({Fault?.GetType().Name})";
}
