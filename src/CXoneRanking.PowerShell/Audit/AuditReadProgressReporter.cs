using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using CXoneRanking.Audit;

namespace CXoneRanking.PowerShell.Audit;

/// <summary>
/// Write-Progress while an audit cmdlet reads the log. Core reports on the pipeline thread (the
/// cmdlet enumerates the log there), so writing from <see cref="Report"/> is allowed. Logs under
/// 1 MiB are read in a blink and show no bar; larger ones update it at most five times a second.
/// </summary>
internal sealed class AuditReadProgressReporter(Cmdlet cmdlet, string activity) : IProgress<AuditReadProgress>
{
    private const int ActivityId = 0x0C0F;
    private const long QuietBelowBytes = 1024 * 1024;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly Stopwatch _sinceShown = new();
    private bool _shown;

    public void Report(AuditReadProgress value)
    {
        if (value.TotalBytes < QuietBelowBytes) return;
        if (_shown && _sinceShown.Elapsed < Interval && value.BytesRead < value.TotalBytes) return;
        _shown = true;
        _sinceShown.Restart();
        cmdlet.WriteProgress(new ProgressRecord(ActivityId, activity,
            string.Format(CultureInfo.InvariantCulture, "{0:0.0} of {1:0.0} MiB read", value.BytesRead / 1048576.0, value.TotalBytes / 1048576.0))
        {
            PercentComplete = value.PercentComplete,
            CurrentOperation = $"file {value.FileNumber} of {value.FileCount}: {value.FileName}",
        });
    }

    /// <summary>Removes the bar, if one was shown.</summary>
    public void Complete()
    {
        if (_shown) cmdlet.WriteProgress(new ProgressRecord(ActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
    }
}
