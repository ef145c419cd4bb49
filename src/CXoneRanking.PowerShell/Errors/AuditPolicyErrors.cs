using System.Management.Automation;

namespace CXoneRanking.PowerShell.Errors;

/// <summary>The errors of the audit folder's policy (Get-/Set-RankingAuditPolicy, Test-RankingAuditLog).</summary>
internal static class AuditPolicyErrors
{
    /// <summary>The folder's policy file cannot be read or is not a policy: named, with the way to repair it.</summary>
    public static ErrorRecord Invalid(AuditPolicyInvalidException e, string directory) =>
        ErrorRecords.Create(e, "AuditPolicyInvalid", ErrorCategory.InvalidData, e.PolicyPath, Repair(directory));

    /// <summary>What to do about an unusable policy file: Set-RankingAuditPolicy rewrites it.</summary>
    public static string Repair(string directory) =>
        $"Repair it with Set-RankingAuditPolicy -AuditPath '{directory}' -RetentionDays <days> (members not given take the defaults: "
        + "400 days, compress after 1 day, no size cap), or correct it by hand: "
        + "{\"version\":1,\"retention_days\":400,\"compress_after_days\":1,\"max_size_mb\":null}. Until then writers delete and compress nothing.";

    /// <summary>The policy could not be written (the lock, the disk, permissions): nothing changed.</summary>
    public static ErrorRecord WriteFailed(Exception e, string directory) =>
        ErrorRecords.Create(new IOException($"Could not set the audit policy of '{directory}': {e.Message} The policy was not changed.", e),
            "AuditPolicyWriteFailed", ErrorCategory.WriteError, directory,
            "Check that the audit folder exists and that you can write to it, and that no writer holds its lock for long; then run again.");
}
