namespace CXoneRanking.Expert;

/// <summary>What one HTTP attempt came to: a status with its bounded body, or a transport fault.</summary>
internal sealed class ExpertAnswer
{
    private ExpertAnswer(int? status, string body, bool tooLarge, TimeSpan? retryAfter, Exception? fault, Uri? redirectLocation = null)
    {
        StatusCode = status;
        Body = body;
        TooLarge = tooLarge;
        RetryAfter = retryAfter;
        Fault = fault;
        RedirectLocation = redirectLocation;
    }

    public int? StatusCode { get; }
    public string Body { get; }

    /// <summary>The body was over the cap and was dropped, not read.</summary>
    public bool TooLarge { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>What failed in transport: no connection, a dropped one, or a body cut short.</summary>
    public Exception? Fault { get; }

    /// <summary>Where a redirect answer pointed; it is never followed with the token.</summary>
    public Uri? RedirectLocation { get; }

    public bool IsSuccess => StatusCode is >= 200 and < 300 && !TooLarge;

    /// <summary>
    /// Worth another try. A read may be repeated after any 5xx or dropped connection; a selection
    /// (a POST that logs a click) only after 429, which says the request was turned away before it
    /// was acted on. A 503 does not say that: a gateway answers 503 when the site was slow even
    /// though it forwarded the POST, so a retry could log the click twice (docs/design.md#cxone-expert).
    /// </summary>
    public bool IsTransient(bool idempotent) => StatusCode switch
    {
        null => idempotent,
        429 => true,
        >= 500 => idempotent,
        _ => false,
    };

    public static ExpertAnswer FromResponse(int status, string body, bool tooLarge, TimeSpan? retryAfter, Uri? redirectLocation = null) =>
        new(status, body, tooLarge, retryAfter, null, redirectLocation);

    public static ExpertAnswer FromFault(Exception fault) => new(null, string.Empty, false, null, fault);

    public override string ToString() => StatusCode is { } status ? $"HTTP {status}" : "transport failure";
}
