using CXoneRanking.Audit;
using CXoneRanking.Metrics;

namespace CXoneRanking.Experiments;

/// <summary>
/// Streams audit entries into per-session showings and clicks and joins them per experiment at the
/// end (docs/experiments.md#what-counts): a session's arm is that of its last successful ranking of
/// the experiment within the filter; its impressions are the snippets its distinct showings in the
/// experiment showed; a click counts for the experiment only when the ranking in force when it was
/// made (<see cref="RankingsInForce{T}"/>) is one of the experiment's: clicks before the experiment,
/// or after a later ranking outside it, belong to those rankings, not to the experiment.
/// </summary>
public sealed class RankingExperimentCalculator(RankingMetricsFilter? filter = null)
{
    private readonly RankingMetricsFilter _filter = filter ?? new RankingMetricsFilter();
    private readonly RankingsInForce<Shown> _rankings = new();
    private readonly List<AuditEntry> _clicks = [];
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
            _clicks.Add(entry);
            return;
        }
        if (entry.Event != AuditEvent.RankingSubmitted) return;
        var arm = entry.Experiment is null ? null : ExperimentArm.Normalize(entry.Arm);
        var shown = new Shown(entry.Snippets ?? [], arm is null ? null : entry.Experiment);
        _rankings.Add(session, entry.Timestamp, RankingsInForce<Shown>.KeyOf(entry), shown);
        if (arm is null) return;
        if (!_experiments.TryGetValue(entry.Experiment!, out var sessions)) _experiments[entry.Experiment!] = sessions = new(StringComparer.Ordinal);
        if (!sessions.TryGetValue(session, out var assignment)) sessions[session] = assignment = new Assignment();
        assignment.Add(arm, entry.Timestamp);
        if (_first is not { } first || entry.Timestamp < first) _first = entry.Timestamp;
        if (_last is not { } last || entry.Timestamp > last) _last = entry.Timestamp;
    }

    /// <summary>Every experiment found, by name (ordinal).</summary>
    public IReadOnlyList<RankingExperimentResult> Results()
    {
        Attribute();
        return _experiments.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => Result(e.Key, e.Value)).ToList();
    }

    /// <summary>The named experiment (exact name), or null when the log holds none of its rankings.</summary>
    public RankingExperimentResult? Result(string name)
    {
        Attribute();
        return _experiments.TryGetValue(name, out var sessions) ? Result(name, sessions) : null;
    }

    // Each click goes to the showing in force when it was made; clicks are kept, so a later call sees them all again.
    private void Attribute()
    {
        foreach (var (_, shown) in _rankings.Showings()) shown.Clear();
        foreach (var click in _clicks) _rankings.InForceAt(click.SessionId!, click.Timestamp)?.Add(click);
    }

    private RankingExperimentResult Result(string name, Dictionary<string, Assignment> sessions)
    {
        var outcomes = sessions.ToDictionary(pair => pair.Key, _ => new SessionTally(), StringComparer.Ordinal);
        foreach (var (session, shown) in _rankings.Showings())
        {
            if (shown.Experiment == name && outcomes.TryGetValue(session, out var tally)) tally.Add(shown);
        }
        var control = new List<SessionOutcome>();
        var treatment = new List<SessionOutcome>();
        foreach (var pair in sessions)
            (pair.Value.Arm == ExperimentArm.Treatment ? treatment : control).Add(outcomes[pair.Key].Outcome());
        return RankingExperimentResult.Of(name, control, treatment, _first, _last);
    }

    private sealed class Assignment
    {
        private DateTimeOffset _latest = DateTimeOffset.MinValue;

        public string Arm { get; private set; } = ExperimentArm.Control;

        public void Add(string arm, DateTimeOffset at)
        {
            // The last ranking decides; on equal timestamps the one read later (written later) does.
            if (at < _latest) return;
            _latest = at;
            Arm = arm;
        }
    }

    /// <summary>One distinct showing: its snippets, its experiment (null outside any) and the clicks made while it was in force.</summary>
    private sealed class Shown(IReadOnlyList<string> snippets, string? experiment)
    {
        public IReadOnlyList<string> Snippets { get; } = snippets;
        public string? Experiment { get; } = experiment;
        public List<AuditEntry> Clicks { get; } = [];

        public void Add(AuditEntry click) => Clicks.Add(click);
        public void Clear() => Clicks.Clear();
    }

    private sealed class SessionTally
    {
        private long _impressions, _clicks, _clicked;
        private DateTimeOffset _firstAt = DateTimeOffset.MaxValue;
        private int? _firstPosition;

        public void Add(Shown shown)
        {
            _impressions += shown.Snippets.Count;
            _clicks += shown.Clicks.Count;
            var clicks = ClickedImpressions.Count(shown.Clicks.Where(c => c.SnippetId is not null).Select(c => c.SnippetId!), StringComparer.Ordinal);
            _clicked += ClickedImpressions.PerKey(ClickedImpressions.Count(shown.Snippets, StringComparer.Ordinal), clicks).Values.Sum();
            foreach (var click in shown.Clicks)
            {
                // The earliest click with a usable position; on a tie, the one read first (as the metrics do).
                if (click.RankPosition is not (>= 1 and var position) || click.Timestamp >= _firstAt) continue;
                _firstAt = click.Timestamp;
                _firstPosition = position;
            }
        }

        public SessionOutcome Outcome() => new(_impressions, _clicks, _firstPosition, _clicked);
    }
}
