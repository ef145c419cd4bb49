using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Audit;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Verifies the audit log's hash chain and reports the first broken entry and every torn line.</summary>
[Cmdlet(VerbsDiagnostic.Test, "RankingAuditLog")]
[OutputType(typeof(AuditVerificationResult))]
public sealed class TestRankingAuditLogCommand : AuditLogCommandBase, IDisposable
{
    private readonly AuditReadSession _reading;

    public TestRankingAuditLogCommand() => _reading = new AuditReadSession(this);

    protected override void EndProcessing()
    {
        var directory = ResolveAuditDirectory();
        if (!Directory.Exists(directory))
        {
            WriteError(AuditLogNotFound(directory));
            return;
        }
        var result = _reading.Read(directory, $"Verifying the audit log in {directory}",
            (stopping, progress) => AuditChainVerifier.Verify(directory, stopping, progress));
        if (result is null) return;
        WarnOfAnUnusablePolicy(directory);
        result.SummariesRemoved = Metrics.DailySummaryCheck.RemoveMismatched(directory);
        foreach (var removed in result.SummariesRemoved) WriteWarning($"Daily summary {removed}");
        WriteVerbose($"'{directory}': {result}.");
        WriteObject(result);
    }

    // The policy is not part of the chain, so it does not make the log invalid; but while it is unusable nothing is
    // deleted or compressed, which an admin checking the log must hear of.
    private void WarnOfAnUnusablePolicy(string directory)
    {
        try
        {
            AuditPolicyFile.Read(directory);
        }
        catch (AuditPolicyInvalidException e)
        {
            WriteWarning($"AuditPolicyInvalid: {e.Message} {AuditPolicyErrors.Repair(directory)}");
        }
    }

    protected override void StopProcessing() => _reading.Stop();

    /// <summary>PowerShell disposes the cmdlet when the pipeline ends, stopped or not.</summary>
    public void Dispose() => _reading.Dispose();
}
