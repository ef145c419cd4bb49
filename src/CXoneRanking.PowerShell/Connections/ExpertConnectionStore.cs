using System.Management.Automation;
using System.Runtime.CompilerServices;
using CXoneRanking.Expert;

namespace CXoneRanking.PowerShell.Connections;

/// <summary>
/// This runspace's CXone Expert connection, beside the CXone one (see <see cref="RunspaceConnectionStore{TConnection}"/>).
/// It also knows which connections Connect-CXoneExpert made: only those are the module's to close
/// when they are replaced or disconnected; one a script built itself stays the script's.
/// </summary>
internal static class ExpertConnectionStore
{
    internal const string Variable = "global:CXoneRankingExpertConnection";

    private static readonly RunspaceConnectionStore<ExpertConnection> Store =
        new(Variable, c => c.IsDisconnected, "CXone Expert", "CXoneExpert");

    public static ExpertConnection? Current(PSCmdlet cmdlet) => Store.Current(cmdlet);

    private static readonly ConditionalWeakTable<ExpertConnection, object> MadeHere = new();

    /// <summary>Keeps a connection Connect-CXoneExpert made, and closes the one it replaces when the module made that too.</summary>
    public static void Replace(PSCmdlet cmdlet, ExpertConnection connection)
    {
        MadeHere.GetValue(connection, _ => new object());
        var replaced = Store.Current(cmdlet);
        Store.Set(cmdlet, connection);
        if (replaced is not null && !ReferenceEquals(replaced, connection)) CloseIfMadeHere(replaced);
    }

    /// <summary>Closes a connection (its sockets, its copy of the secret) if Connect-CXoneExpert made it; true if it did.</summary>
    public static bool CloseIfMadeHere(ExpertConnection connection)
    {
        if (!MadeHere.TryGetValue(connection, out _)) return false;
        connection.Dispose();
        return true;
    }

    public static void Clear(PSCmdlet cmdlet) => Store.Clear(cmdlet);

    /// <summary>The explicit -Connection, else the stored one; a terminating NotConnected or ConnectionClosed error when there is none.</summary>
    public static ExpertConnection Resolve(PSCmdlet cmdlet, ExpertConnection? explicitConnection) => Store.Resolve(cmdlet, explicitConnection);
}
