using System.Management.Automation;
using CXoneRanking.Expert;

namespace CXoneRanking.PowerShell.Connections;

/// <summary>This runspace's CXone Expert connection, beside the CXone one (see <see cref="RunspaceConnectionStore{TConnection}"/>).</summary>
internal static class ExpertConnectionStore
{
    internal const string Variable = "global:CXoneRankingExpertConnection";

    private static readonly RunspaceConnectionStore<ExpertConnection> Store =
        new(Variable, c => c.IsDisconnected, "CXone Expert", "CXoneExpert");

    public static ExpertConnection? Current(PSCmdlet cmdlet) => Store.Current(cmdlet);

    public static void Set(PSCmdlet cmdlet, ExpertConnection connection) => Store.Set(cmdlet, connection);

    public static void Clear(PSCmdlet cmdlet) => Store.Clear(cmdlet);

    /// <summary>The explicit -Connection, else the stored one; a terminating NotConnected or ConnectionClosed error when there is none.</summary>
    public static ExpertConnection Resolve(PSCmdlet cmdlet, ExpertConnection? explicitConnection) => Store.Resolve(cmdlet, explicitConnection);
}
