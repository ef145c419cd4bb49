using System.Globalization;
using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// Sets the audit folder's policy, which every writer of the folder obeys: members not given keep their value (the
/// defaults when the folder has no policy, or an unusable one, which this repairs). Written under the folder lock,
/// atomically, and recorded in the chain as an audit.policy entry. A folder that does not exist yet is created, so a
/// policy can be set before the first scheduled task writes.
/// </summary>
[Cmdlet(VerbsCommon.Set, "RankingAuditPolicy", SupportsShouldProcess = true)]
[OutputType(typeof(AuditPolicy))]
public sealed class SetRankingAuditPolicyCommand : AuditLogCommandBase
{
    /// <summary>The audit folder whose policy is set; required, so a policy is never set on a folder found by default.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("Path")]
    [ValidateNotNullOrEmpty]
    public override string? AuditPath { get => base.AuditPath; set => base.AuditPath = value; }

    /// <summary>Files of days older than this before the writer's UTC day are deleted.</summary>
    [Parameter]
    [ValidateRange(1, AuditPolicy.MaxDays)]
    public int RetentionDays { get; set; }

    /// <summary>Files of days at least this old are gzip-compressed; 0 never compresses.</summary>
    [Parameter]
    [ValidateRange(0, AuditPolicy.MaxDays)]
    public int CompressAfterDays { get; set; }

    /// <summary>A cap on the folder's log files in MB (the oldest whole days go first); 0 removes the cap.</summary>
    [Parameter]
    [ValidateRange(0, AuditPolicy.MaxSizeCapMB)]
    public int MaxSizeMB { get; set; }

    /// <summary>Output the policy now in force.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var directory = ResolveAuditDirectory();
        var given = Given();
        var target = Path.Combine(directory, AuditPolicyFile.FileName);
        if (!ShouldProcess(target, given.Count == 0 ? "Write the policy in force (the defaults if none), repairing an unusable one"
            : $"Set the audit policy: {string.Join(", ", given)} (members not given keep their value)")) return;
        AuditPolicyChange change;
        try
        {
            change = new AuditLogWriter(directory).SetPolicy(p => p.With(Value(nameof(RetentionDays), RetentionDays),
                Value(nameof(CompressAfterDays), CompressAfterDays), Value(nameof(MaxSizeMB), MaxSizeMB)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError(AuditPolicyErrors.WriteFailed(e, directory));
            return;
        }
        if (change.PreviousProblem is { } problem) WriteVerbose($"Repaired the unusable policy '{target}' ({problem}).");
        WriteVerbose(change.Changed ? $"'{directory}': {change}; recorded in the audit log (audit.policy)."
            : $"'{directory}': the policy already was {change.Policy}; nothing written.");
        if (PassThru) WriteObject(change.Policy);
    }

    private int? Value(string name, int value) => MyInvocation.BoundParameters.ContainsKey(name) ? value : null;

    private List<string> Given()
    {
        var given = new List<string>();
        foreach (var name in new[] { nameof(RetentionDays), nameof(CompressAfterDays), nameof(MaxSizeMB) })
            if (MyInvocation.BoundParameters.TryGetValue(name, out var value))
                given.Add(name == nameof(MaxSizeMB) && (int)value == 0 ? "no size cap"
                    : string.Format(CultureInfo.InvariantCulture, "{0} {1}", name, value));
        return given;
    }
}
