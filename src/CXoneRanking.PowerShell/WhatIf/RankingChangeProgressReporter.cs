using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using CXoneRanking.WhatIf;

namespace CXoneRanking.PowerShell.WhatIf;

/// <summary>
/// Write-Progress while Measure-RankingChange re-ranks and resamples. Core reports from the thread pool, so
/// <see cref="Report"/> only keeps the latest value; the pipeline thread shows it with <see cref="Show"/> while it
/// waits. An estimate done within a second shows no bar; a longer one updates it at most five times a second.
/// </summary>
internal sealed class RankingChangeProgressReporter(Cmdlet cmdlet) : IProgress<RankingChangeProgress>
{
    private const int ActivityId = 0x0C10;
    private const string Activity = "Estimating the ranking change";
    private static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(1);
    private readonly object _gate = new(); // Report runs on the thread pool, Show on the pipeline thread
    private readonly Stopwatch _running = Stopwatch.StartNew();
    private RankingChangeProgress? _latest;
    private bool _shown;

    public void Report(RankingChangeProgress value)
    {
        lock (_gate) _latest = value;
    }

    /// <summary>Shows the latest report; on the pipeline thread.</summary>
    public void Show()
    {
        RankingChangeProgress? latest;
        lock (_gate) latest = _latest;
        if (latest is not { } value || _running.Elapsed < QuietFor) return;
        _shown = true;
        var status = string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} of {2:N0}", value.Stage == RankingChangeStage.ReRanking
            ? "Re-ranking the logged showings with the proposal"
            : "Resampling sessions, the click model refitted on each", value.Done, value.Total);
        cmdlet.WriteProgress(new ProgressRecord(ActivityId, Activity, status) { PercentComplete = value.PercentComplete });
    }

    /// <summary>Removes the bar, if one was shown.</summary>
    public void Complete()
    {
        if (_shown) cmdlet.WriteProgress(new ProgressRecord(ActivityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
    }
}
