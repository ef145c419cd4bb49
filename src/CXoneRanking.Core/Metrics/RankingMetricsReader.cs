using CXoneRanking.Audit;

namespace CXoneRanking.Metrics;

/// <summary>
/// Get-RankingMetrics over an audit folder in bounded memory (docs/audit-log.md#bounded-memory-the-session-horizon):
/// the files are read in chain order and folded day by day by a <see cref="RankingMetricsCalculator"/> that knows
/// where each file day starts. Unfiltered, it merges the summaries of closed days up to the newest checkpoint and reads
/// only the later days raw (docs/audit-log.md#daily-summaries), writing the summary of each closed day it read raw and
/// a new checkpoint; a summary missing, stale or damaged means reading raw, said through <see cref="Verbose"/>.
/// The figures are those of reading every entry raw.
/// </summary>
public sealed class RankingMetricsReader
{
    private readonly RankingMetricsFilter _filter;
    private readonly AuditLogReader _reader;
    private readonly DailySummaryStore _store;
    private SummaryPlan? _plan;

    public RankingMetricsReader(string directory, RankingMetricsFilter? filter = null)
    {
        _filter = filter ?? new RankingMetricsFilter();
        _reader = new AuditLogReader(directory) { SnapshotTaken = Planned, Lean = true };
        _store = new DailySummaryStore(_reader.Directory);
    }

    public string Directory => _reader.Directory;

    /// <summary>What happened, for -Verbose: summaries used, days read raw and why, summaries written or not.</summary>
    public Action<string>? Verbose { get; init; }

    /// <summary>Today (UTC), which is never a closed day; the clock's by default (tests pin it).</summary>
    public DateTime? Today { get; init; }

    /// <summary>The lines skipped (complete once <see cref="Read"/> returned).</summary>
    public IReadOnlyList<SkippedLine> SkippedLines => _reader.SkippedLines;

    /// <summary>How many files were read raw.</summary>
    public int FilesRead => _reader.FilesRead;

    /// <summary>How many closed days came from their summaries.</summary>
    public int DaysSummarised => _plan?.Summarised ?? 0;

    /// <summary>The calculator of the last <see cref="Read"/>, for its open-session count.</summary>
    internal RankingMetricsCalculator? Calculator => _plan?.Calculator;

    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public RankingMetrics Read(CancellationToken cancellationToken = default, IProgress<AuditReadProgress>? progress = null)
    {
        _plan = null;
        foreach (var pair in ParsedAhead.Entries(_reader, cancellationToken, progress))
        {
            _plan!.Advance(pair.Key);
            _plan.Calculator.Add(pair.Value);
            _plan.LastHash = pair.Value.Hash;
        }
        // An empty folder has no file, so the snapshot hook never ran.
        var plan = _plan ?? new SummaryPlan(new RankingMetricsCalculator(_filter), [], null, _store, Verbose);
        plan.Finish();
        return plan.Calculator.Result();
    }

    private AuditLogSnapshot Planned(AuditLogSnapshot snapshot)
    {
        var days = snapshot.Files.GroupBy(f => f.Key.Day).OrderBy(g => g.Key)
            .Select(g => new KeyValuePair<DateTime, IReadOnlyList<KeyValuePair<string, long>>>(
                g.Key, g.Select(f => new KeyValuePair<string, long>(f.Key.Path, f.Value)).ToList()))
            .ToList();
        if (!Unfiltered(_filter))
        {
            _plan = new SummaryPlan(new RankingMetricsCalculator(_filter), days, null, null, Verbose);
            return snapshot;
        }
        var today = (Today ?? DateTime.UtcNow).Date;
        var closed = days.Where(d => d.Key < today && d.Key < days[days.Count - 1].Key).Select(d => d.Key).ToList();
        _plan = SummaryPlan.Make(days, closed, _store, Verbose);
        return _plan.From is { } from ? snapshot.Since(from) : snapshot;
    }

    private static bool Unfiltered(RankingMetricsFilter filter) =>
        filter.Since is null && filter.Until is null && !(filter.SessionIds?.Any() ?? false);
}
