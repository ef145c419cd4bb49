using System.Management.Automation;

namespace CXoneRanking.PowerShell.Errors;

/// <summary>
/// The one way the module makes an ErrorRecord: a named error id, a category, the object at fault,
/// and, where there is one, what the user can do about it.
/// </summary>
internal static class ErrorRecords
{
    /// <summary>
    /// An ErrorRecord for <paramref name="exception"/>; its ErrorDetails repeat the exception's message
    /// and carry <paramref name="recommendedAction"/>, which every error the module writes must have
    /// (a required argument, so the compiler keeps the rule).
    /// </summary>
    public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target,
        string recommendedAction) =>
        new(exception, errorId, category, target)
        {
            ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = recommendedAction },
        };

    /// <summary>A refused row: the message names its input number, session and snippet.</summary>
    public static ErrorRecord InvalidInput(RankingIssue issue, object? target) =>
        Create(new FormatException(issue.Message), issue.Code, ErrorCategory.InvalidData, target, FixRow);

    /// <summary>What to do about a refused row (New-SnippetRank): the error's target is the row itself.</summary>
    public const string FixRow =
        "Correct the row the message names at its source (input N is the Nth object piped in) and run again. "
        + "The other rows went on; Test-RankingPayload shows the sessions as they are.";

    public static ErrorRecord InvalidArgument(string errorId, string message, object? target, string recommendedAction) =>
        Create(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target, recommendedAction);
}
