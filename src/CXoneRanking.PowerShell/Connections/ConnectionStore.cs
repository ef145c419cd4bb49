using System.Management.Automation;

namespace CXoneRanking.PowerShell.Connections;

/// <summary>This runspace's CXone connection (see <see cref="RunspaceConnectionStore{TConnection}"/>).</summary>
internal static class ConnectionStore
{
    internal const string Variable = "global:CXoneRankingConnection";

    private static readonly RunspaceConnectionStore<CXoneConnection> Store = new(Variable, c => c.IsDisconnected, "CXone", "CXone");

    public static CXoneConnection? Current(PSCmdlet cmdlet) => Store.Current(cmdlet);

    public static void Set(PSCmdlet cmdlet, CXoneConnection connection) => Store.Set(cmdlet, connection);

    public static void Clear(PSCmdlet cmdlet) => Store.Clear(cmdlet);

    /// <summary>The explicit -Connection, else the stored one; a terminating error when there is none.</summary>
    public static CXoneConnection Resolve(PSCmdlet cmdlet, CXoneConnection? explicitConnection) => Store.Resolve(cmdlet, explicitConnection);
}
