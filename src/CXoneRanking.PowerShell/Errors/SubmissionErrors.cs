using System.Management.Automation;
using CXoneRanking.Api;

namespace CXoneRanking.PowerShell.Errors;

/// <summary>A failed session as an ErrorRecord: the status is the error id, the session the target.</summary>
internal static class SubmissionErrors
{
    public static ErrorRecord For(RankingSubmissionResult result)
    {
        // An invalid session's Error already begins with its first problem: the list says each of the others once.
        var said = result.Error ?? string.Empty;
        var others = result.Problems.Where(problem => !said.Contains(problem)).ToList();
        var label = others.Count < result.Problems.Count ? " Other problems: " : " Problems: ";
        var problems = others.Count == 0 ? string.Empty
            : label + string.Join("; ", others.Take(10)) + (others.Count > 10 ? $"; and {others.Count - 10} more" : string.Empty);
        var message = $"Session '{ShownText.Of(result.SessionId)}': {result.Error}.{problems}";
        return ErrorRecords.Create(new CXoneApiException(message, result.HttpStatus), result.Status.ToString(), Category(result.Status),
            result.SessionId, Advice(result.Status));
    }

    /// <summary>The session's outcome (as its result says) is not in the audit log.</summary>
    public static ErrorRecord AuditWriteFailed(RankingSubmissionResult result, string directory)
    {
        var message = $"Session '{ShownText.Of(result.SessionId)}' ended {result.Status}, "
            + $"but its outcome is not in the audit log: {result.AuditError}.";
        var action = $"Check the audit directory '{directory}': it must be a folder you can write to. "
            + "This result is the only record of the session's outcome; keep it.";
        return ErrorRecords.Create(new IOException(message), "AuditWriteFailed", ErrorCategory.WriteError, result.SessionId, action);
    }

    private static ErrorCategory Category(SubmissionStatus status) => status switch
    {
        SubmissionStatus.InvalidRanking or SubmissionStatus.RankingRejected => ErrorCategory.InvalidData,
        SubmissionStatus.SessionLocked => ErrorCategory.ResourceBusy,
        SubmissionStatus.RateLimited => ErrorCategory.LimitsExceeded,
        SubmissionStatus.EngineFailure or SubmissionStatus.CircuitOpen => ErrorCategory.ResourceUnavailable,
        SubmissionStatus.TransportFailure => ErrorCategory.ConnectionError,
        SubmissionStatus.Unauthorized => ErrorCategory.AuthenticationError,
        SubmissionStatus.TimedOut => ErrorCategory.OperationTimeout,
        SubmissionStatus.Cancelled => ErrorCategory.OperationStopped,
        SubmissionStatus.AuditUnavailable => ErrorCategory.WriteError,
        SubmissionStatus.RedirectRefused => ErrorCategory.SecurityError,
        _ => ErrorCategory.NotSpecified,
    };

    private static string Advice(SubmissionStatus status) => status switch
    {
        SubmissionStatus.InvalidRanking => "Run Test-RankingPayload to see every problem of the session.",
        SubmissionStatus.RankingRejected => "Check the problems the API listed; Test-RankingPayload shows the payload.",
        SubmissionStatus.SessionLocked => "Retry later, or raise -LockTimeoutSec.",
        SubmissionStatus.RateLimited => "Lower -ThrottleLimit, or set Connect-CXone -RateLimit.",
        SubmissionStatus.Unauthorized => "Check the client's scopes and secret, then Connect-CXone again.",
        SubmissionStatus.AuditUnavailable => "Check the audit directory (-AuditPath, or Connect-CXone -AuditPath): "
            + "it must be a folder you can write to. Nothing was sent; submit the session again once it is.",
        SubmissionStatus.RedirectRefused => "Check Connect-CXone -BaseUri (or the discovered API endpoint): give the API's own https address. "
            + "The token and the ranking are never sent on through a redirect.",
        _ => "Re-run the command: the same ranking is safe to submit again.",
    };
}
