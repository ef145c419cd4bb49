using System.Management.Automation;

namespace CXoneRanking.PowerShell.Infrastructure;

/// <summary>
/// The current connection lives in the runspace's global session state, never in a static:
/// two runspaces (ForEach-Object -Parallel, hosted runspaces) never share one by accident.
/// </summary>
internal static class ConnectionStore
{
    internal const string Variable = "global:CXoneRankingConnection";

    public static CXoneConnection? Current(PSCmdlet cmdlet) =>
        cmdlet.SessionState.PSVariable.GetValue(Variable) is CXoneConnection { IsDisconnected: false } connection ? connection : null;

    public static void Set(PSCmdlet cmdlet, CXoneConnection connection) => cmdlet.SessionState.PSVariable.Set(Variable, connection);

    public static void Clear(PSCmdlet cmdlet) => cmdlet.SessionState.PSVariable.Remove(Variable);

    /// <summary>The explicit -Connection, else the stored one; a terminating error when there is none.</summary>
    public static CXoneConnection Resolve(PSCmdlet cmdlet, CXoneConnection? explicitConnection)
    {
        if (explicitConnection is { IsDisconnected: false }) return explicitConnection;
        if (explicitConnection is not null)
            cmdlet.ThrowTerminatingError(new ErrorRecord(new InvalidOperationException("The connection given with -Connection was closed by Disconnect-CXone; connect again."),
                "ConnectionClosed", ErrorCategory.InvalidOperation, explicitConnection));
        return Current(cmdlet) ?? throw NotConnected(cmdlet);
    }

    private static Exception NotConnected(PSCmdlet cmdlet)
    {
        cmdlet.ThrowTerminatingError(new ErrorRecord(
            new InvalidOperationException("Not connected to CXone. Run Connect-CXone first (or pass -Connection)."),
            "NotConnected", ErrorCategory.ConnectionError, null));
        return new InvalidOperationException(); // not reached: ThrowTerminatingError throws
    }
}
