using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Connections;

namespace CXoneRanking.PowerShell.Completion;

/// <summary>
/// Tab completion from the latest entries of the audit log, newest first: the sessions an admin
/// just submitted, the experiment just run, are the ones they want to look at. The log is found as
/// the cmdlets find it (-AuditPath, -Connection, the current connection, $env:CXONE_AUDIT_PATH,
/// the per-user default) and only the tail of its newest file is read (Core's RecentAuditValues).
/// Completion must never fail loudly, so every problem gives no suggestions.
/// </summary>
public abstract class AuditValueCompleter : IArgumentCompleter
{
    private const int MaxResults = 50;

    /// <summary>The values of the log in <paramref name="directory"/>, newest first.</summary>
    private protected abstract IEnumerable<string> Read(string directory);

    /// <summary>The tooltip of one value.</summary>
    private protected abstract string Describe(string value, string directory);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var directory = AuditDirectoryFor(fakeBoundParameters);
            if (directory is null) return [];
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = WildcardPattern.Get(WildcardPattern.Escape(typed) + "*", WildcardOptions.IgnoreCase);
            return Read(directory)
                .Where(value => pattern.IsMatch(value))
                .Take(MaxResults)
                .Select(value => new CompletionResult(Quote(value), value, CompletionResultType.ParameterValue, Describe(value, directory)))
                .ToList();
        }
        catch (Exception)
        {
            return []; // a completer that throws shows the user nothing useful either
        }
    }

    private static string? AuditDirectoryFor(IDictionary? bound)
    {
        // The caller's session state: Runspace.SessionStateProxy is not usable from inside the
        // running completion pipeline, a script block run here is.
        if (ScriptBlock.Create("$ExecutionContext.SessionState").Invoke().FirstOrDefault()?.BaseObject is not SessionState session) return null;
        var explicitPath = (Unwrap(bound?["AuditPath"]) ?? Unwrap(bound?["Path"])) as string;
        var connection = Unwrap(bound?["Connection"]) as CXoneConnection
            ?? session.PSVariable.GetValue(ConnectionStore.Variable) as CXoneConnection;
        var path = AuditLocation.Resolve(explicitPath, connection is { IsDisconnected: false } ? connection.AuditPath : null);
        return session.Path.GetUnresolvedProviderPathFromPSPath(path);
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    // Single quotes when the id would not survive as a bare word (spaces, $, quotes, a leading dash ...).
    private static string Quote(string id) =>
        id.Length > 0 && id[0] != '-' && id.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/' or '+')
            ? id
            : "'" + id.Replace("'", "''") + "'";
}
