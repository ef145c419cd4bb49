namespace CXoneRanking.Api;

/// <summary>
/// The CXone API or its token endpoint refused or failed a request. Messages carry the status
/// and the server's error code, never a secret, a token or a request body.
/// </summary>
public class CXoneApiException(string message, int? httpStatus = null, Exception? inner = null) : Exception(message, inner)
{
    public int? HttpStatus { get; } = httpStatus;

    /// <summary>Where a refused redirect (3xx) pointed, or null when the answer was no redirect.</summary>
    public Uri? RedirectLocation { get; init; }
}

/// <summary>The token endpoint refused the credentials, or could not be reached.</summary>
public sealed class CXoneAuthenticationException(string message, int? httpStatus = null, Exception? inner = null)
    : CXoneApiException(message, httpStatus, inner);
