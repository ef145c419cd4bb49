using System.Management.Automation;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Connections;

/// <summary>
/// One kind of connection kept in the runspace's global session state, never in a static: two
/// runspaces (ForEach-Object -Parallel, hosted runspaces) never share one by accident. The CXone
/// and the Expert connections each have one store (<see cref="ConnectionStore"/>, <see cref="ExpertConnectionStore"/>).
/// </summary>
internal sealed class RunspaceConnectionStore<TConnection>(string variable, Func<TConnection, bool> isClosed, string product, string nounOfCmdlets)
    where TConnection : class
{
    public string Variable { get; } = variable;

    public TConnection? Current(PSCmdlet cmdlet) =>
        cmdlet.SessionState.PSVariable.GetValue(Variable) is TConnection connection && !isClosed(connection) ? connection : null;

    public void Set(PSCmdlet cmdlet, TConnection connection) => cmdlet.SessionState.PSVariable.Set(Variable, connection);

    public void Clear(PSCmdlet cmdlet) => cmdlet.SessionState.PSVariable.Remove(Variable);

    /// <summary>The explicit -Connection, else the stored one; a terminating error when there is none.</summary>
    public TConnection Resolve(PSCmdlet cmdlet, TConnection? explicitConnection)
    {
        if (explicitConnection is not null && !isClosed(explicitConnection)) return explicitConnection;
        if (explicitConnection is not null)
            cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                new InvalidOperationException($"The connection given with -Connection was closed by Disconnect-{nounOfCmdlets}; connect again."),
                "ConnectionClosed", ErrorCategory.InvalidOperation, explicitConnection,
                $"Run Connect-{nounOfCmdlets} again (with -PassThru to keep the new connection), or leave out -Connection to use the current one."));
        if (Current(cmdlet) is { } current) return current;
        cmdlet.ThrowTerminatingError(ErrorRecords.Create(
            new InvalidOperationException($"Not connected to {product}. Run Connect-{nounOfCmdlets} first (or pass -Connection)."),
            "NotConnected", ErrorCategory.ConnectionError, null,
            $"Run Connect-{nounOfCmdlets} (it reads its settings from the environment when given none), then run this command again."));
        return null!; // not reached: ThrowTerminatingError throws
    }
}
