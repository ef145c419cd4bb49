using System.Globalization;

namespace CXoneRanking.Metrics;

/// <summary>
/// One read of a folder's metrics: which closed days come from their summaries (those up to a usable checkpoint),
/// which are read raw, and, as the raw days go by, where each closed day ends: there its figures are cut off, added
/// up and written as its summary (when it had none that holds), and after the newest closed day the checkpoint.
/// </summary>
internal sealed class SummaryPlan
{
    private readonly List<KeyValuePair<DateTime, IReadOnlyList<KeyValuePair<string, long>>>> _raw;
    private readonly HashSet<DateTime> _cut;
    private readonly HashSet<DateTime> _write;
    private readonly DailySummaryStore? _store;
    private readonly Action<string>? _verbose;
    private readonly MetricsTally _total = new();
    private DateTime? _started, _newestClosed;
    private int _next, _written;

    public SummaryPlan(RankingMetricsCalculator calculator, List<KeyValuePair<DateTime, IReadOnlyList<KeyValuePair<string, long>>>> raw,
        IEnumerable<DateTime>? closed, DailySummaryStore? store, Action<string>? verbose)
    {
        Calculator = calculator;
        _raw = raw;
        _cut = closed is null ? [] : new HashSet<DateTime>(closed);
        _newestClosed = _cut.Count == 0 ? null : _cut.Max();
        _write = new HashSet<DateTime>(_cut);
        _store = store;
        _verbose = verbose;
    }

    public RankingMetricsCalculator Calculator { get; }

    /// <summary>The first day to read raw when summaries serve the days before it; null to read every day.</summary>
    public DateTime? From { get; private set; }

    public int Summarised { get; private set; }

    /// <summary>The hash of the last entry read.</summary>
    public string? LastHash { get; set; }

    public static SummaryPlan Make(List<KeyValuePair<DateTime, IReadOnlyList<KeyValuePair<string, long>>>> days, List<DateTime> closed,
        DailySummaryStore store, Action<string>? verbose)
    {
        var valid = new Dictionary<DateTime, DaySummary>();
        string? firstProblem = null;
        var filesOf = days.ToDictionary(d => d.Key, d => d.Value);
        foreach (var day in closed)
        {
            var summary = store.TryRead(day, out var problem);
            if (summary?.StaleBecause(filesOf[day]) is { } stale) (summary, problem) = (null, $"stale: {stale}");
            if (summary is not null) valid[day] = summary;
            else firstProblem ??= $"the summary of {Text(day)} is {problem}";
        }
        string? checkpointProblem = null;
        var checkpoint = closed.Count == 0 ? null : store.TryReadCheckpoint(out checkpointProblem);
        if (checkpoint is { } found && valid.TryGetValue(found.Day, out var last) && last.LastHash == found.LastHash
            && closed.Where(d => d <= found.Day).All(valid.ContainsKey))
        {
            var raw = days.Where(d => d.Key > found.Day).ToList();
            var plan = new SummaryPlan(found.Calculator, raw, closed.Where(d => d > found.Day), store, verbose)
            {
                From = found.Day.AddDays(1),
                _started = found.Day,
            };
            foreach (var day in closed.Where(d => d <= found.Day))
            {
                plan._total.Merge(valid[day].Tally);
                plan.Summarised++;
            }
            plan._write.ExceptWith(valid.Keys);
            verbose?.Invoke($"Used the summaries of {plan.Summarised} closed day(s) through {Text(found.Day)} in '{store.Folder}'; "
                + $"reading {raw.Count} later day(s) raw.");
            return plan;
        }
        var all = new SummaryPlan(new RankingMetricsCalculator(), days, closed, store, verbose);
        all._write.ExceptWith(valid.Keys);
        if (closed.Count > 0)
        {
            var why = firstProblem ?? (checkpoint is null ? checkpointProblem ?? "no checkpoint"
                : $"the checkpoint of {Text(checkpoint.Value.Day)} does not match");
            verbose?.Invoke($"Reading every day raw: {why} ('{store.Folder}'); the summaries of closed days are written as they are read.");
        }
        return all;
    }

    /// <summary>Starts every raw day up to <paramref name="day"/>, cutting each closed day off where the next starts.</summary>
    public void Advance(DateTime day)
    {
        while (_next < _raw.Count && _raw[_next].Key <= day) Start(_raw[_next++].Key);
    }

    /// <summary>After the last entry: starts the days left (files without entries) and adds the summaries' figures.</summary>
    public void Finish()
    {
        Advance(DateTime.MaxValue);
        Calculator.AddClosed(_total);
        if (_written > 0) _verbose?.Invoke($"Wrote the summaries of {_written} closed day(s) to '{_store!.Folder}'.");
    }

    private void Start(DateTime day)
    {
        Calculator.StartDay(day);
        if (_started is { } previous && _cut.Contains(previous)) Cut(previous);
        _started = day;
    }

    // The sessions closed at the day's end are in: what was counted since the day before is the day's summary.
    private void Cut(DateTime day)
    {
        var tally = Calculator.TakeClosed();
        _total.Merge(tally);
        if (_store is null) return;
        try
        {
            if (_write.Contains(day))
            {
                var files = _raw.First(d => d.Key == day).Value.Select(f => new KeyValuePair<string, long>(Path.GetFileName(f.Key), f.Value));
                _store.Write(new DaySummary(day, files.ToList(), LastHash, tally));
                _written++;
            }
            if (day == _newestClosed) _store.WriteCheckpoint(day, LastHash, Calculator);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only folder (an archived copy) is read raw every time; nothing is lost.
            _verbose?.Invoke($"Could not write the summary of {Text(day)} to '{_store.Folder}' ({e.Message}); the next read is raw too.");
            _write.Clear();
            _newestClosed = null;
        }
    }

    private static string Text(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
