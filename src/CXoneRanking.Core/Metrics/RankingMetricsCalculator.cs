using CXoneRanking.Audit;

namespace CXoneRanking.Metrics;

/// <summary>
/// Computes <see cref="RankingMetrics"/> from the audit entries in chain order in one pass and in bounded memory
/// (docs/audit-log.md#bounded-memory-the-session-horizon): counts go straight into additive tallies; each session's
/// showings and clicks are kept only while the session is open, and once the files of
/// <see cref="SessionHorizon.Days"/> later days were read without an entry of it, its clicks are matched to the
/// rankings in force, its figures added, and it is forgotten. The cmdlet and any report built on the same files agree
/// to the last digit.
/// </summary>
public sealed class RankingMetricsCalculator
{
    public const int TopSnippetCount = 10;

    private readonly RankingMetricsFilter _filter;
    private readonly UnansweredSendings _sending = new();
    private readonly Dictionary<string, OpenMetricsSession> _open = new(StringComparer.Ordinal);
    // Per day read, oldest first: the sessions whose entry in that day's files was, when it was read, their latest.
    private readonly Queue<KeyValuePair<int, List<string>>> _lastSeen = new();
    private readonly Dictionary<string, string> _snippetIds = new(StringComparer.Ordinal);
    private KeyValuePair<int, List<string>> _newest;
    private int _day = int.MinValue;

    public RankingMetricsCalculator(RankingMetricsFilter? filter = null) => _filter = filter ?? new RankingMetricsFilter();

    /// <summary>The figures of the sessions closed so far and of every counted entry.</summary>
    internal MetricsTally Closed { get; private set; } = new();

    /// <summary>The sessions still open: at most those with an entry in the files of the last 8 days read.</summary>
    public int OpenSessions => _open.Count;

    /// <summary>Entries without file days (<see cref="Add(AuditEntry)"/> alone) are one day: nothing closes before the end.</summary>
    public static RankingMetrics Calculate(IEnumerable<AuditEntry> entries, RankingMetricsFilter? filter = null)
    {
        var calculator = new RankingMetricsCalculator(filter);
        foreach (var entry in entries) calculator.Add(entry);
        return calculator.Result();
    }

    /// <summary>
    /// Says the entries added next come from the files of <paramref name="fileDay"/> (UTC); days only go forward.
    /// Sessions with no entry in the files of the last <see cref="SessionHorizon.Days"/> days before it are closed.
    /// </summary>
    public void StartDay(DateTime fileDay)
    {
        var day = SessionHorizon.DayNumber(fileDay);
        if (day <= _day) return;
        if (_day != int.MinValue) CloseThrough(SessionHorizon.ClosesThrough(day - 1));
        _day = day;
    }

    /// <summary>
    /// Counts one entry if the filter includes it; entries of unknown events are ignored. A
    /// ranking.sending entry counts only while no outcome with its idempotency key has been read
    /// (then as <see cref="RankingMetrics.OutcomeUnknown"/>); the outcome closes it even when the
    /// filter leaves the outcome out, so a range that ends between the two does not invent one.
    /// </summary>
    public void Add(AuditEntry entry)
    {
        _sending.Answer(entry);
        if (!_filter.Includes(entry)) return;
        if (entry.Event == AuditEvent.Click) AddClick(entry);
        else if (AuditEvent.IsRanking(entry.Event)) AddRanking(entry);
        else if (entry.Event == AuditEvent.ExpertSearch) AddImportedSearch(entry);
        else if (entry.Event == AuditEvent.RankingUnchanged) Closed.Unchanged++;   // neither sent nor failed
        else if (!_sending.Open(entry)) return;
        Closed.Seen(entry.Timestamp);
    }

    /// <summary>The metrics of the entries added so far (the open sessions counted as if closed now; they stay open).</summary>
    public RankingMetrics Result()
    {
        var tally = new MetricsTally();
        tally.Merge(Closed);
        foreach (var session in _open.Values) session.CloseInto(tally);
        return tally.ToMetrics(_filter, _sending.Count);
    }

    /// <summary>The figures counted since the last call (for a day's summary); counting goes on from zero.</summary>
    internal MetricsTally TakeClosed()
    {
        var taken = Closed;
        Closed = new MetricsTally();
        return taken;
    }

    /// <summary>Adds figures counted elsewhere (days' summaries) to those of this calculator.</summary>
    internal void AddClosed(MetricsTally tally) => Closed.Merge(tally);

    /// <summary>The day number of the file being read; <see cref="int.MinValue"/> before any.</summary>
    internal int Day => _day;

    internal IEnumerable<KeyValuePair<string, OpenMetricsSession>> Open => _open;

    internal IEnumerable<string> UnansweredKeys => _sending.Keys;

    /// <summary>Takes up where a checkpoint left off: at the end of the files of <paramref name="day"/>, with these open sessions.</summary>
    internal void Restore(int day, IEnumerable<KeyValuePair<string, OpenMetricsSession>> open, IEnumerable<string> unansweredKeys)
    {
        _day = day;
        foreach (var pair in open.OrderBy(p => p.Value.LastDay))
        {
            _open[pair.Key] = pair.Value;
            if (_lastSeen.Count == 0 || _newest.Key != pair.Value.LastDay) _lastSeen.Enqueue(_newest = new(pair.Value.LastDay, []));
            _newest.Value.Add(pair.Key);
        }
        foreach (var key in unansweredKeys) _sending.Restore(key);
    }

    private void AddRanking(AuditEntry entry)
    {
        // A ranking never sent has no latency worth a percentile: its 0 ms would pull p50 down.
        if (entry.LatencyMs is { } latency && !SubmissionNotSent.Is(entry)) Closed.Latencies.Add(latency);
        if (entry.Event != AuditEvent.RankingSubmitted)
        {
            if (SubmissionNotSent.Is(entry)) Closed.NotSent++;
            else Closed.Failed++;
            if (entry.Event == AuditEvent.RankingCancelled) Closed.Cancelled++;
            return;
        }
        Closed.Succeeded++;
        if (entry.SessionId is not { } session) return;
        var shown = Shared(entry.Snippets);
        Session(session).AddShowing(entry.Timestamp.UtcTicks, RankingsInForce<string>.KeyOf(entry), shown, shown.Length);
    }

    // An imported Expert search is a ranking shown whose pages are unknown; it is never a re-send of another.
    private void AddImportedSearch(AuditEntry entry)
    {
        Closed.ImportedSearches++;
        if (entry.SessionId is not { } session) return;
        var open = Session(session);
        open.Imported = true;
        open.AddShowing(entry.Timestamp.UtcTicks, null, null, Math.Max(0, entry.SnippetCount ?? 0));
    }

    private void AddClick(AuditEntry entry)
    {
        Closed.Clicks++;
        if (entry.SnippetId is { } snippet) MetricsTally.Add(Closed.SnippetClicks, snippet);
        if (entry.RankPosition is >= 1 and var position) MetricsTally.Add(Closed.PositionClicks, position);
        if (entry.SessionId is not { } session) return;
        var open = Session(session);
        if (open.Imported && entry.SnippetId is { } unknown) Closed.UnknownImpressions.Add(unknown);
        open.AddClick(entry.Timestamp.UtcTicks, entry.SnippetId is { } id ? Shared(id) : null, entry.RankPosition);
    }

    private OpenMetricsSession Session(string id)
    {
        if (!_open.TryGetValue(id, out var session))
        {
            _open[id] = session = new OpenMetricsSession { LastDay = _day };
            LastSeen(id);
        }
        else if (session.LastDay != _day)
        {
            session.LastDay = _day;
            LastSeen(id);
        }
        return session;
    }

    private void LastSeen(string id)
    {
        // Days only go forward, so the current day's list is the newest one.
        if (_lastSeen.Count == 0 || _newest.Key != _day) _lastSeen.Enqueue(_newest = new(_day, []));
        _newest.Value.Add(id);
    }

    private void CloseThrough(int lastDay)
    {
        while (_lastSeen.Count > 0 && _lastSeen.Peek().Key <= lastDay)
        {
            var (day, ids) = (_lastSeen.Peek().Key, _lastSeen.Dequeue().Value);
            foreach (var id in ids)
            {
                // A session seen again since is listed under its later day.
                if (!_open.TryGetValue(id, out var session) || session.LastDay != day) continue;
                session.CloseInto(Closed);
                _open.Remove(id);
            }
        }
    }

    // Snippet ids repeat across sessions: an open session keeps one shared copy of each.
    private string[] Shared(IReadOnlyList<string>? snippets)
    {
        if (snippets is null || snippets.Count == 0) return [];
        var shared = new string[snippets.Count];
        for (var i = 0; i < shared.Length; i++) shared[i] = Shared(snippets[i]);
        return shared;
    }

    private string Shared(string id)
    {
        if (_snippetIds.TryGetValue(id, out var shared)) return shared;
        if (_snippetIds.Count < 1 << 18) _snippetIds[id] = id;
        return id;
    }
}
