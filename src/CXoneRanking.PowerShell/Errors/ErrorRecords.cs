using System.Management.Automation;

namespace CXoneRanking.PowerShell.Errors;

/// <summary>ErrorRecords with a named error id, a category and the object at fault.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord InvalidInput(RankingIssue issue, object? target) =>
        new(new FormatException(issue.Message), issue.Code, ErrorCategory.InvalidData, target);

    public static ErrorRecord InvalidArgument(string errorId, string message, object? target) =>
        new(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);
}
