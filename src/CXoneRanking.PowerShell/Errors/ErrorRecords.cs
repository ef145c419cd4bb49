using System.Management.Automation;

namespace CXoneRanking.PowerShell.Errors;

/// <summary>
/// The one way the module makes an ErrorRecord: a named error id, a category, the object at fault,
/// and, where there is one, what the user can do about it.
/// </summary>
internal static class ErrorRecords
{
    /// <summary>
    /// An ErrorRecord for <paramref name="exception"/>. With a <paramref name="recommendedAction"/>, its
    /// ErrorDetails repeat the exception's message and carry the action; without one, it has none.
    /// </summary>
    public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target,
        string? recommendedAction = null)
    {
        var record = new ErrorRecord(exception, errorId, category, target);
        if (recommendedAction is not null)
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = recommendedAction };
        return record;
    }

    public static ErrorRecord InvalidInput(RankingIssue issue, object? target) =>
        Create(new FormatException(issue.Message), issue.Code, ErrorCategory.InvalidData, target);

    public static ErrorRecord InvalidArgument(string errorId, string message, object? target, string? recommendedAction = null) =>
        Create(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target, recommendedAction);
}
