using System.Management.Automation;

namespace CXoneRanking.PowerShell.Errors;

/// <summary>The error records of Get-RankingHistory (docs/what-if.md), each with what to do about it.</summary>
internal static class HistoryErrors
{
    public static ErrorRecord RankingHistoryNotFound(string sessionId, string directory, string range) =>
        ErrorRecords.Create(
            new ItemNotFoundException($"The audit log in '{directory}' holds no ranking of session '{ShownText.Of(sessionId)}'{range}."),
            "RankingHistoryNotFound", ErrorCategory.ObjectNotFound, sessionId,
            "Check the session id (exact, case-sensitive; Tab completes it from the newest entries), widen -Since/-Until, "
            + "or give -AuditPath the folder the session was submitted to.");

    public static ErrorRecord RankingHistoryPatternNotFound(string pattern, string directory, string range) =>
        ErrorRecords.Create(
            new ItemNotFoundException($"The audit log in '{directory}' holds no ranking of a session matching '{ShownText.Of(pattern)}'{range}, "
                + "and no session with that exact id: wildcards (*, ?, [a-z]) match session ids as -like does."),
            "RankingHistoryNotFound", ErrorCategory.ObjectNotFound, pattern,
            "Check the pattern (it ignores case; an exact id is tried first), widen -Since/-Until, or give -AuditPath the folder "
            + "the sessions were submitted to.");
}
