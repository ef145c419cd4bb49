using CXoneRanking.Metrics;

namespace CXoneRanking.Experiments;

/// <summary>
/// Streams audit entries into per-session tallies and joins them per experiment at the end
/// (docs/experiments.md#what-counts): a session's arm is that of its last successful ranking of
/// the experiment within the filter; its impressions are the snippets those rankings showed; its
/// clicks are every click entry of the session within the filter (clicks carry no experiment).
/// </summary>
public sealed class RankingExperimentCalculator(RankingMetricsFilter? filter = null)
{
    private readonly RankingMetricsFilter _filter = filter ?? new RankingMetricsFilter();
    private readonly Dictionary<string, ClickTally> _clicks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Assignment>> _experiments = new(StringComparer.Ordinal);
    private DateTimeOffset? _first, _last;

    /// <summary>True once any successful ranking of any experiment was counted.</summary>
    public bool HasExperiments => _experiments.Count > 0;

    public static IReadOnlyList<RankingExperimentResult> Calculate(IEnumerable<AuditEntry> entries, RankingMetricsFilter? filter = null)
    {
        var calculator = new RankingExperimentCalculator(filter);
        foreach (var entry in entries) calculator.Add(entry);
        return calculator.Results();
    }

    public void Add(AuditEntry entry)
    {
        if (entry.SessionId is not { } session || !_filter.Includes(entry)) return;
        if (entry.Event == AuditEvent.Click)
        {
            if (!_clicks.TryGetValue(session, out var tally)) _clicks[session] = tally = new ClickTally();
            tally.Add(entry);
        }
        else if (entry.Event == AuditEvent.RankingSubmitted && entry.Experiment is { } name && ExperimentArm.Normalize(entry.Arm) is { } arm)
        {
            if (!_experiments.TryGetValue(name, out var sessions)) _experiments[name] = sessions = new(StringComparer.Ordinal);
            if (!sessions.TryGetValue(session, out var assignment)) sessions[session] = assignment = new Assignment();
            assignment.Add(arm, entry);
            if (_first is not { } first || entry.Timestamp < first) _first = entry.Timestamp;
            if (_last is not { } last || entry.Timestamp > last) _last = entry.Timestamp;
        }
    }

    /// <summary>Every experiment found, by name (ordinal).</summary>
    public IReadOnlyList<RankingExperimentResult> Results() =>
        _experiments.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => Result(e.Key, e.Value)).ToList();

    /// <summary>The named experiment (exact name), or null when the log holds none of its rankings.</summary>
    public RankingExperimentResult? Result(string name) => _experiments.TryGetValue(name, out var sessions) ? Result(name, sessions) : null;

    private RankingExperimentResult Result(string name, Dictionary<string, Assignment> sessions)
    {
        var control = new List<SessionOutcome>();
        var treatment = new List<SessionOutcome>();
        foreach (var pair in sessions)
        {
            var clicks = _clicks.TryGetValue(pair.Key, out var tally) ? tally : null;
            var clicked = clicks is null ? 0 : ClickedImpressions.PerKey(pair.Value.Shown(), clicks.BySnippet).Values.Sum();
            var outcome = new SessionOutcome(pair.Value.Impressions, clicks?.Count ?? 0, clicks?.FirstPosition, clicked);
            (pair.Value.Arm == ExperimentArm.Treatment ? treatment : control).Add(outcome);
        }
        return RankingExperimentResult.Of(name, control, treatment, _first, _last);
    }

    private sealed class Assignment
    {
        private readonly List<string> _shown = [];
        private DateTimeOffset _latest = DateTimeOffset.MinValue;

        public string Arm { get; private set; } = ExperimentArm.Control;
        public long Impressions => _shown.Count;

        /// <summary>How often the session's rankings in the experiment showed each snippet.</summary>
        public Dictionary<string, long> Shown() => ClickedImpressions.Count(_shown, StringComparer.Ordinal);

        public void Add(string arm, AuditEntry entry)
        {
            if (entry.Snippets is { } snippets) _shown.AddRange(snippets);
            // The last ranking decides; on equal timestamps the one read later (written later) does.
            if (entry.Timestamp < _latest) return;
            _latest = entry.Timestamp;
            Arm = arm;
        }
    }

    private sealed class ClickTally
    {
        private DateTimeOffset _firstAt = DateTimeOffset.MaxValue;

        public long Count { get; private set; }
        public int? FirstPosition { get; private set; }

        /// <summary>Clicks per snippet, for the clicked impressions (an impression counts once).</summary>
        public Dictionary<string, long> BySnippet { get; } = new(StringComparer.Ordinal);

        public void Add(AuditEntry click)
        {
            Count++;
            if (click.SnippetId is { } snippet) BySnippet[snippet] = BySnippet.TryGetValue(snippet, out var n) ? n + 1 : 1;
            // The earliest click with a usable position; on a tie, the one read first (as the metrics do).
            if (click.RankPosition is not (>= 1 and var position) || click.Timestamp >= _firstAt) return;
            _firstAt = click.Timestamp;
            FirstPosition = position;
        }
    }
}
