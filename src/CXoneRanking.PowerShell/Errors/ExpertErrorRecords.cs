using System.Management.Automation;
using CXoneRanking.Expert;

namespace CXoneRanking.PowerShell.Errors;

/// <summary>
/// An Expert failure as an ErrorRecord: a named id, a category from <see cref="ExpertFailure"/>
/// and a recommended action. Core's messages name the site, the endpoint and the status, never a
/// token or the secret, so they are shown as they are.
/// </summary>
internal static class ExpertErrorRecords
{
    /// <summary>
    /// The error for a failed Connect-CXoneExpert: AuthenticationFailed, ExpertSiteUnreachable, ExpertRedirectRefused
    /// or ExpertConnectFailed.
    /// </summary>
    public static ErrorRecord Connect(ExpertApiException e, object? target)
    {
        var id = e is ExpertAuthenticationException ? "AuthenticationFailed"
            : e.Failure is ExpertFailure.Transport or ExpertFailure.Timeout ? "ExpertSiteUnreachable"
            : "ExpertConnectFailed";
        return For(id, e.Message, e, target);
    }

    /// <summary>
    /// An error with <paramref name="errorId"/> whose category and advice follow the failure; a refused
    /// redirect is ExpertRedirectRefused whatever the cmdlet, so a script can watch for it in one place.
    /// </summary>
    public static ErrorRecord For(string errorId, string message, ExpertApiException e, object? target) =>
        ErrorRecords.Create(new ExpertApiException(message, e.Failure, e.HttpStatus, e),
            e.Failure == ExpertFailure.Redirected ? "ExpertRedirectRefused" : errorId, Category(e.Failure), target, Advice(e.Failure));

    private static ErrorCategory Category(ExpertFailure failure) => failure switch
    {
        ExpertFailure.Authentication => ErrorCategory.AuthenticationError,
        ExpertFailure.Forbidden => ErrorCategory.PermissionDenied,
        ExpertFailure.NotFound => ErrorCategory.ObjectNotFound,
        ExpertFailure.Rejected => ErrorCategory.InvalidArgument,
        ExpertFailure.RateLimited => ErrorCategory.LimitsExceeded,
        ExpertFailure.ServerError => ErrorCategory.ResourceUnavailable,
        ExpertFailure.Transport => ErrorCategory.ConnectionError,
        ExpertFailure.Timeout => ErrorCategory.OperationTimeout,
        ExpertFailure.AnswerTooLarge => ErrorCategory.LimitsExceeded,
        ExpertFailure.Redirected => ErrorCategory.SecurityError,
        _ => ErrorCategory.InvalidResult,
    };

    private static string Advice(ExpertFailure failure) => failure switch
    {
        ExpertFailure.Authentication =>
            "Check the server token's key and secret and the user (Site tools > API tokens), and this machine's clock; "
            + "then Connect-CXoneExpert again.",
        ExpertFailure.Forbidden => "Give the token's user the permission this needs (the search log needs an admin), or use another -User.",
        ExpertFailure.NotFound => "Check -Site: it must be the Expert site's own address.",
        ExpertFailure.RateLimited => "Wait a while and run the command again, or ask for fewer results.",
        ExpertFailure.Transport or ExpertFailure.Timeout => "Check the site's address and the network, or raise -RequestTimeoutSec.",
        ExpertFailure.Redirected => "Check -Site: give the site's own https address. If the redirect target is the site's new address "
            + "and you trust it, Connect-CXoneExpert to it directly; the token is never sent on through a redirect.",
        _ => "Run the command again; if it keeps failing, run it with -Verbose and check the site's status.",
    };
}
