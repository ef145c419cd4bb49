using System.Globalization;
using System.Management.Automation;
using CXoneRanking.Expert;
using CXoneRanking.PowerShell.Async;

namespace CXoneRanking.PowerShell.Expert;

/// <summary>
/// Write-Progress while Import-CXoneExpertSearchLog runs. Core reports from the thread pool after
/// each batch, so each report is queued to the pipeline thread. The log's size is not known in
/// advance, so the bar counts rather than fills.
/// </summary>
internal sealed class ExpertImportProgressReporter(Cmdlet cmdlet, CmdletAsyncBridge bridge, string activity) : IProgress<ExpertImportSummary>
{
    private const int ActivityId = 0x0E7E;
    private bool _shown;

    public void Report(ExpertImportSummary value) => bridge.Post(() =>
    {
        _shown = true;
        cmdlet.WriteProgress(new ProgressRecord(ActivityId, activity, string.Format(CultureInfo.InvariantCulture,
            "{0} search(es) and {1} click(s) imported, {2} search(es) already in the log", value.Searches, value.Clicks, value.Skipped)));
    });

    /// <summary>Removes the bar, if one was shown; on the pipeline thread.</summary>
    public void Complete()
    {
        if (_shown) cmdlet.WriteProgress(new ProgressRecord(ActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
    }
}
