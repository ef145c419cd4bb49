using CXoneRanking.Ranking;
using CXoneRanking.Ranks;

namespace CXoneRanking.Audit;

/// <summary>
/// One logged submission of a session (docs/audit-log.md#how-a-ranking-came-to-be): its write-ahead entry paired with its
/// outcome, or the outcome alone of a ranking never sent, with everything the ranking depended on: the candidates as given,
/// the rule set (looked up by its hash), the window, the overflow mode and normalization. <see cref="Replay"/> ranks the
/// candidates again through the same engine; with the logged options it gives exactly the logged snippets and checksum.
/// </summary>
public sealed class LoggedRanking
{
    private readonly IReadOnlyList<RankInput> _candidates;

    internal LoggedRanking(AuditEntry first, AuditEntry? outcome)
    {
        // An outcome alone is its own first entry (a ranking never sent): its status is its own.
        var last = outcome ?? first;
        SessionId = first.SessionId ?? string.Empty;
        Timestamp = last.Timestamp;
        Event = last.Event;
        Status = outcome is null ? UnknownOutcome : last.Status ?? string.Empty;
        Experiment = last.Experiment ?? first.Experiment;
        Arm = last.Arm ?? first.Arm;
        Snippets = last.Snippets ?? first.Snippets ?? [];
        RankingChecksum = last.RankingChecksum ?? first.RankingChecksum;
        IdempotencyKey = last.IdempotencyKey ?? first.IdempotencyKey;
        Error = outcome?.Error;
        DirectiveSetHash = first.DirectiveSet;
        MaxResultWindow = first.MaxWindow ?? SnippetRules.DefaultWindow;
        Overflow = first.Overflow is { } overflow && Enum.TryParse<OverflowMode>(overflow, out var mode) ? mode : OverflowMode.Rescale;
        Normalize = first.Normalize == true;
        Verified = first.HoldsItsHash == true && (outcome is null || outcome.HoldsItsHash == true);
        CandidatesProblem = first.CandidatesProblem;
        HasCandidates = first.HasCandidates && CandidatesProblem is null;
        _candidates = first.Candidates ?? [];
        HeldBack = first.HeldBackRows ?? [];
        if (DirectiveSetHash is null) Directives = [];
    }

    /// <summary>The <see cref="Status"/> of a write-ahead entry without an outcome: it may have been applied.</summary>
    public const string UnknownOutcome = "OutcomeUnknown";

    public string SessionId { get; }

    /// <summary>When the submission ended (its outcome entry), or was about to be sent when its outcome is unknown.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The outcome's event (ranking.submitted, ranking.failed, ranking.cancelled), or ranking.sending when unknown.</summary>
    public string Event { get; }

    /// <summary>The outcome's status (Succeeded, InvalidRanking, ...), or <see cref="UnknownOutcome"/>.</summary>
    public string Status { get; }

    public string? Experiment { get; }
    public string? Arm { get; }

    /// <summary>The snippet ids the log says were sent, position 1 first; empty for a ranking never sent.</summary>
    public IReadOnlyList<string> Snippets { get; }

    public string? RankingChecksum { get; }
    public string? IdempotencyKey { get; }

    /// <summary>The outcome's error, if any.</summary>
    public string? Error { get; }

    /// <summary>The SHA-256 of the rule set in force; null when the ranking had no rules.</summary>
    public string? DirectiveSetHash { get; }

    /// <summary>The rules in force, in the order they applied; empty without rules; null when the set is not in the log.</summary>
    public IReadOnlyList<BoostDirective>? Directives { get; private set; }

    /// <summary>False when the entry references a rule set the log does not hold (deleted by retention, or edited).</summary>
    public bool DirectiveSetFound => Directives is not null;

    /// <summary>The window asked for.</summary>
    public int MaxResultWindow { get; }

    public OverflowMode Overflow { get; }
    public bool Normalize { get; }

    /// <summary>
    /// False for a submission logged without its candidates (before version 0.3, or from a piped payload), or whose
    /// candidates could not be read (<see cref="CandidatesProblem"/>).
    /// </summary>
    public bool HasCandidates { get; }

    /// <summary>
    /// True when each of its entries (the write-ahead entry and the outcome) was checked against its own hash as it was read
    /// and matches it; false when one was changed after it was written, or the reader checked none (only
    /// <see cref="RankingHistoryReader"/> checks). An edit need not change the replay: this is what catches the others.
    /// </summary>
    public bool Verified { get; }

    /// <summary>Why the recorded candidates could not be read (an edited or foreign log); null when they were, or none were recorded.</summary>
    public string? CandidatesProblem { get; }

    /// <summary>How many candidates the session was given, held-back rows included.</summary>
    public int CandidateCount => _candidates.Count + HeldBack.Count;

    /// <summary>The session's held-back rows (New-SnippetRank -InvalidRowAction DropSession): snippet id and error, if any.</summary>
    public IReadOnlyList<HeldBackRow> HeldBack { get; }

    /// <summary>The candidates as the engine keeps them, in input order (held-back rows apart).</summary>
    internal IReadOnlyList<RankInput> Inputs => _candidates;

    /// <summary>The options the ranking was made with; null when its rule set is not in the log.</summary>
    public RankingOptions? Options => Directives is { } rules ? OptionsWith(rules) : null;

    /// <summary>The candidates as ranks (new objects each call), in input order, held-back rows left out.</summary>
    public IReadOnlyList<SnippetRank> GetCandidates() => _candidates.Select(c => c.ToSnippetRank(SessionId)).ToList();

    /// <summary>
    /// The logged options with other rules (a proposal), and optionally another window; overflow and normalization as logged.
    /// </summary>
    public RankingOptions OptionsWith(IReadOnlyList<BoostDirective> directives, int? maxResultWindow = null) => new()
    {
        MaxResultWindow = maxResultWindow ?? MaxResultWindow,
        Directives = directives ?? [],
        Overflow = Overflow,
        Normalize = Normalize,
    };

    /// <summary>
    /// The session ranked again by the engine (<see cref="RankingEngine"/>) from its logged candidates: with the logged
    /// options (<paramref name="proposed"/> null), or with <paramref name="proposed"/>. Labelled with the logged experiment and arm.
    /// </summary>
    /// <exception cref="InvalidOperationException">No options were given and the logged rule set is not in the log.</exception>
    public SessionRanking Replay(RankingOptions? proposed = null)
    {
        var options = proposed ?? Options ?? throw new InvalidOperationException(
            $"The rule set {DirectiveSetHash} of session '{SessionId}' at {AuditTimestamp.ToText(Timestamp)} is not in the audit log.");
        return RankingEngine.RankSession(SessionId, _candidates, HeldBack, options).Labelled(Experiment, Arm);
    }

    /// <summary>Looks the rule set up; false when the log does not hold it (then <see cref="Directives"/> stays null).</summary>
    internal bool Resolve(IReadOnlyDictionary<string, DirectiveSet> sets)
    {
        if (Directives is not null) return true;
        if (DirectiveSetHash is null || !sets.TryGetValue(DirectiveSetHash, out var set)) return false;
        Directives = set.Rules;
        return true;
    }

    public override string ToString() =>
        $"{AuditTimestamp.ToText(Timestamp)} {SessionId} {Status}: {Snippets.Count} shown of {CandidateCount} candidate(s)";
}
