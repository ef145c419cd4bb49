using System.Management.Automation;

namespace CXoneRanking.PowerShell.Submission;

/// <summary>Write-Progress for a run of many sessions; silent for a handful.</summary>
internal sealed class SubmissionProgress(Cmdlet cmdlet, int total)
{
    private const int ActivityId = 0x0C0E;
    private const int QuietBelow = 5;
    private int _done;
    private int _failed;

    public void Completed(RankingSubmissionResult result)
    {
        _done++;
        if (!result.Succeeded) _failed++;
        if (total < QuietBelow) return;
        cmdlet.WriteProgress(new ProgressRecord(ActivityId, "Submitting snippet rankings", $"{_done} of {total} sessions ({_failed} failed)")
        {
            PercentComplete = (int)(100L * _done / total),
            CurrentOperation = $"session '{result.SessionId}': {result.Status}",
        });
    }

    public void Done()
    {
        if (total >= QuietBelow)
            cmdlet.WriteProgress(new ProgressRecord(ActivityId, "Submitting snippet rankings", "Done") { RecordType = ProgressRecordType.Completed });
    }
}
