using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Audit;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// The -Path every audit cmdlet shares, and the one way they find the log directory:
/// -Path, else the connection's audit path, else $env:CXONE_AUDIT_PATH, else the per-user default.
/// </summary>
public abstract class AuditLogCommandBase : PSCmdlet
{
    /// <summary>The audit log directory; relative paths are resolved against the current location.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The audit directory as a full file-system path.</summary>
    protected string ResolveAuditDirectory() => AuditDirectory.Resolve(this, Path, connection: null);

    /// <summary>The error for a log directory that does not exist.</summary>
    protected static ErrorRecord AuditLogNotFound(string directory) =>
        ErrorRecords.Create(
            new DirectoryNotFoundException($"There is no audit log at '{directory}'. Use -Path, or set $env:{AuditLocation.EnvironmentVariable}."),
            "AuditLogNotFound", ErrorCategory.ObjectNotFound, directory,
            $"Give -Path the folder Submit-SnippetRanking wrote to (the connection's -AuditPath or $env:{AuditLocation.EnvironmentVariable}).");
}
