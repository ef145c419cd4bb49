using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// The audit folder's policy (retention, compression, size cap): from .cxone-audit.policy.json, or the defaults with
/// IsDefault when the folder has none. An unusable file is an AuditPolicyInvalid error naming it, never the defaults.
/// </summary>
[Cmdlet(VerbsCommon.Get, "RankingAuditPolicy")]
[OutputType(typeof(AuditPolicy))]
public sealed class GetRankingAuditPolicyCommand : AuditLogCommandBase
{
    protected override void EndProcessing()
    {
        var directory = ResolveAuditDirectory();
        if (!Directory.Exists(directory))
        {
            WriteError(AuditLogNotFound(directory));
            return;
        }
        try
        {
            WriteObject(AuditPolicyFile.Read(directory));
        }
        catch (AuditPolicyInvalidException e)
        {
            WriteError(AuditPolicyErrors.Invalid(e, directory));
        }
    }
}
