using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.Expert;
using CXoneRanking.PowerShell.Connections;
using CXoneRanking.PowerShell.Paths;

namespace CXoneRanking.PowerShell.Audit;

/// <summary>
/// The one way every cmdlet finds the audit log: -AuditPath, else the connection's audit path
/// (Connect-CXone -AuditPath; for an Expert cmdlet, its Expert connection's first; then this
/// runspace's Expert connection's), else $env:CXONE_AUDIT_PATH, else the per-user default; relative
/// paths resolve against PowerShell's current location, not the process's.
/// </summary>
internal static class AuditDirectory
{
    public static string Resolve(PSCmdlet cmdlet, string? explicitPath, CXoneConnection? connection, ExpertConnection? expert = null)
    {
        var connectionPath = expert?.AuditPath
            ?? (connection ?? ConnectionStore.Current(cmdlet))?.AuditPath
            ?? ExpertConnectionStore.Current(cmdlet)?.AuditPath;
        var path = AuditLocation.Resolve(explicitPath, connectionPath);
        return FileSystemPath.Resolve(cmdlet, path, "AuditPathNotFileSystem", "audit path", "a file-system folder");
    }
}
