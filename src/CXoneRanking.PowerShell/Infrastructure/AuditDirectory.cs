using System.Management.Automation;
using CXoneRanking.Audit;

namespace CXoneRanking.PowerShell.Infrastructure;

/// <summary>
/// The one way every cmdlet finds the audit log: -Path, else the connection's audit path
/// (Connect-CXone -AuditPath), else $env:CXONE_AUDIT_PATH, else the per-user default; relative
/// paths resolve against PowerShell's current location, not the process's.
/// </summary>
internal static class AuditDirectory
{
    public static string Resolve(PSCmdlet cmdlet, string? explicitPath, CXoneConnection? connection)
    {
        var path = AuditLocation.Resolve(explicitPath, (connection ?? ConnectionStore.Current(cmdlet))?.AuditPath);
        return FileSystemPath.Resolve(cmdlet, path, "AuditPathNotFileSystem", "audit path", "a file-system folder");
    }
}
