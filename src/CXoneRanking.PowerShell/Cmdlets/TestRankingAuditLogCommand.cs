using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Infrastructure;

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
        var progress = new AuditReadProgressReporter(this, $"Verifying the audit log in {directory}");
        try
        {
            result = AuditChainVerifier.Verify(directory, _stopping.Token, progress);
        }
        catch (OperationCanceledException) { return; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(AuditLogUnreadable(directory, e));
            return;
        }
        finally { progress.Complete(); }
        WriteVerbose($"'{directory}': {result}.");
        WriteObject(result);
    }

    protected override void StopProcessing() => _stopping.Cancel();
}
