using CXoneRanking.Api;

namespace CXoneRanking.Expert;

/// <summary>
/// An Expert site refused or failed a request. Messages name the site and the endpoint and carry
/// the status, never the token, the secret or the site's error text.
/// </summary>
public class ExpertApiException(string message, ExpertFailure failure, int? httpStatus = null, Exception? inner = null)
    : CXoneApiException(message, httpStatus, inner)
{
    public ExpertFailure Failure { get; } = failure;
}

/// <summary>The site refused the server API token (401/403) or ignored it and answered as Anonymous.</summary>
public sealed class ExpertAuthenticationException(string message, ExpertFailure failure, int? httpStatus = null, Exception? inner = null)
    : ExpertApiException(message, failure, httpStatus, inner);
