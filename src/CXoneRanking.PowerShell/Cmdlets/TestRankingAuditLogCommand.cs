using System.Management.Automation;
using CXoneRanking.Audit;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Verifies the audit log's hash chain and reports the first broken entry and every torn line.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "RankingAuditLog")]
[OutputType(typeof(AuditVerificationResult))]
public sealed class TestRankingAuditLogCommand : AuditLogCommandBase
{
    private readonly CancellationTokenSource _stopping = new();

    protected override void EndProcessing()
    {
        var directory = ResolveAuditDirectory();
        if (!Directory.Exists(directory))
        {
            WriteError(AuditLogNotFound(directory));
            return;
        }
        AuditVerificationResult result;
        try
        {
            result = AuditChainVerifier.Verify(directory, _stopping.Token);
        }
        catch (OperationCanceledException) { return; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(AuditLogUnreadable(directory, e));
            return;
        }
        WriteVerbose($"'{directory}': {result}.");
        WriteObject(result);
    }

    protected override void StopProcessing() => _stopping.Cancel();
}
