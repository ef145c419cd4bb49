using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Audit;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// The -AuditPath every audit cmdlet shares, and the one way they find the log directory:
/// -AuditPath, else the connection's audit path, else $env:CXONE_AUDIT_PATH, else the per-user default.
/// -Path is its former name, kept as an alias for 0.x (a cmdlet whose -Path is a file overrides AuditPath without it).
/// </summary>
public abstract class AuditLogCommandBase : PSCmdlet
{
    /// <summary>The audit log directory; relative paths are resolved against the current location.</summary>
    [Parameter]
    [Alias("Path")]
    [ValidateNotNullOrEmpty]
    public virtual string? AuditPath { get; set; }

    /// <summary>The audit directory as a full file-system path.</summary>
    protected string ResolveAuditDirectory() => AuditDirectory.Resolve(this, AuditPath, connection: null);

    /// <summary>The error for a log directory that does not exist.</summary>
    protected static ErrorRecord AuditLogNotFound(string directory) =>
        ErrorRecords.Create(
            new DirectoryNotFoundException(
                $"There is no audit log at '{directory}'. Use -AuditPath, or set $env:{AuditLocation.EnvironmentVariable}."),
            "AuditLogNotFound", ErrorCategory.ObjectNotFound, directory,
            $"Give -AuditPath the folder Submit-SnippetRanking wrote to (the connection's -AuditPath or $env:{AuditLocation.EnvironmentVariable}).");
}
