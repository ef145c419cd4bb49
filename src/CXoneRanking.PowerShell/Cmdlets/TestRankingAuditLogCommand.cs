using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Audit;

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
        result.SummariesRemoved = Metrics.DailySummaryCheck.RemoveMismatched(directory);
        foreach (var removed in result.SummariesRemoved) WriteWarning($"Daily summary {removed}");
        WriteVerbose($"'{directory}': {result}.");
        WriteObject(result);
    }

    protected override void StopProcessing() => _reading.Stop();

    /// <summary>PowerShell disposes the cmdlet when the pipeline ends, stopped or not.</summary>
    public void Dispose() => _reading.Dispose();
}
