namespace CXoneRanking.Expert;

/// <summary>What went wrong talking to an Expert site, so a cmdlet can pick an error id and advice.</summary>
public enum ExpertFailure
{
    /// <summary>401, or the site answered as Anonymous: the token was refused or ignored.</summary>
    Authentication,

    /// <summary>403: the token's user may not do this, or the site's licence lacks the feature.</summary>
    Forbidden,

    /// <summary>404: no such resource (a wrong site, or an unknown query id).</summary>
    NotFound,

    /// <summary>Another 4xx: the site refused the request as made.</summary>
    Rejected,

    /// <summary>429 on every attempt.</summary>
    RateLimited,

    /// <summary>5xx on every attempt.</summary>
    ServerError,

    /// <summary>The site could not be reached (DNS, TLS, a dropped connection).</summary>
    Transport,

    /// <summary>No answer within the request timeout, on every attempt.</summary>
    Timeout,

    /// <summary>The answer was larger than the configured cap and was not read.</summary>
    AnswerTooLarge,

    /// <summary>The answer was not the XML or JSON expected, or lacked a required field.</summary>
    UnreadableAnswer,

    /// <summary>The site answered with a redirect (3xx), which is never followed with the token.</summary>
    Redirected,
}
