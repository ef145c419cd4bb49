using CXoneRanking.Audit;
using CXoneRanking.Ranking;
using CXoneRanking.Ranks;

namespace CXoneRanking;

/// <summary>
/// One line of the audit log: a ranking submission or a click. Every field is plain data about
/// the event; none can hold a credential (the free-text <see cref="Error"/> and <see cref="Note"/>
/// mask anything shaped like one). <see cref="Audit.AuditLogWriter"/> stamps
/// <see cref="ModuleVersion"/>, <see cref="Host"/> and <see cref="User"/> when they are empty, and
/// always sets <see cref="PrevHash"/> and <see cref="Hash"/>.
/// </summary>
public sealed class AuditEntry
{
    private DateTimeOffset _timestamp;
    private string? _error;
    private string? _note;
    private string? _expertTerms;

    internal AuditEntry(string eventName, DateTimeOffset timestamp)
    {
        if (string.IsNullOrEmpty(eventName)) throw new ArgumentException("An audit entry needs an event name.", nameof(eventName));
        Event = eventName;
        Timestamp = timestamp;
    }

    /// <summary>A click on the snippet shown at <paramref name="rankPosition"/> (1-based) in the session's ranking.</summary>
    /// <exception cref="ArgumentException">An id is empty or malformed, or the position is below 1.</exception>
    public static AuditEntry Click(string sessionId, string snippetId, int rankPosition, DateTimeOffset timestamp)
    {
        var problem = SnippetRules.SessionIdProblem(sessionId ?? string.Empty)
            ?? SnippetRules.SnippetIdProblem(snippetId)
            ?? AuditText.SurrogateProblem(sessionId, "session id") ?? AuditText.SurrogateProblem(snippetId, "snippet id")
            ?? (rankPosition < 1 ? $"the rank position {rankPosition} is below 1 (positions are 1-based)" : null);
        if (problem is not null) throw new ArgumentException(problem);
        return new AuditEntry(AuditEvent.Click, timestamp) { SessionId = sessionId, SnippetId = snippetId, RankPosition = rankPosition };
    }

    /// <summary>A ranking submission's outcome or write-ahead entry: <paramref name="eventName"/> is a ranking.* <see cref="AuditEvent"/>.</summary>
    public static AuditEntry Ranking(string eventName, string sessionId, DateTimeOffset timestamp)
    {
        if (!AuditEvent.IsRanking(eventName) && eventName is not (AuditEvent.RankingSending or AuditEvent.RankingUnchanged))
            throw new ArgumentException($"'{eventName}' is not a ranking event; use {AuditEvent.RankingSending}, {AuditEvent.RankingSubmitted}, "
                + $"{AuditEvent.RankingFailed} or {AuditEvent.RankingCancelled}.", nameof(eventName));
        var problem = SnippetRules.SessionIdProblem(sessionId ?? string.Empty);
        if (problem is not null) throw new ArgumentException(problem, nameof(sessionId));
        return new AuditEntry(eventName, timestamp) { SessionId = sessionId };
    }

    /// <summary>The entry that records <paramref name="set"/> (its hash and rules) for the ranking entries that reference it.</summary>
    internal static AuditEntry RankingDirectives(DirectiveSet set, DateTimeOffset timestamp) =>
        new(AuditEvent.RankingDirectives, timestamp) { DirectiveSet = set.Hash, Directives = set };

    /// <summary>The entry recording that retention deleted <paramref name="files"/>, and why (<paramref name="note"/>).</summary>
    internal static AuditEntry Pruned(IReadOnlyList<string> files, string note, DateTimeOffset timestamp) =>
        new(AuditEvent.AuditPruned, timestamp) { Files = files, Note = note };

    /// <summary>The entry recording a change of the folder's policy: <paramref name="note"/> says from what to what.</summary>
    internal static AuditEntry PolicyChanged(string note, DateTimeOffset timestamp) => new(AuditEvent.AuditPolicy, timestamp) { Note = note };

    /// <summary>When it happened, in UTC, to the millisecond (what the file holds).</summary>
    public DateTimeOffset Timestamp
    {
        get => _timestamp;
        set
        {
            var utc = value.ToUniversalTime();
            _timestamp = new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        }
    }

    public string Event { get; }
    public string? SessionId { get; set; }

    /// <summary>Where a ranking entry's session lives: the API base address and ranking path template (no secret, no query).</summary>
    public string? Target { get; set; }

    /// <summary>How many snippets the submitted ranking held.</summary>
    public int? SnippetCount { get; set; }

    public int? MaxWindow { get; set; }

    /// <summary>The ranked snippet ids in order: position 1 first. These are the impressions.</summary>
    public IReadOnlyList<string>? Snippets { get; set; }

    /// <summary>A click's snippet.</summary>
    public string? SnippetId { get; set; }

    /// <summary>A click's 1-based position in the ranking shown.</summary>
    public int? RankPosition { get; set; }

    /// <summary>The CXone Expert search a click or an imported search belongs to (docs/expert.md).</summary>
    public long? ExpertQueryId { get; set; }

    /// <summary>The Expert site's own rank of a clicked result, 0..1.</summary>
    public double? ExpertRank { get; set; }

    /// <summary>An imported Expert search's terms, as the site logs them (sanitized like <see cref="Note"/>).</summary>
    public string? ExpertTerms { get => _expertTerms; set => _expertTerms = AuditText.Sanitize(value); }

    /// <summary>How many results an imported Expert search matched in all (the site's count.results).</summary>
    public int? ExpertResultCount { get; set; }

    public string? Status { get; set; }
    public int? HttpStatus { get; set; }
    public int? Attempts { get; set; }
    public long? LatencyMs { get; set; }
    public string? IdempotencyKey { get; set; }

    /// <summary>SHA-256 hex of the canonical payload that was sent.</summary>
    public string? RankingChecksum { get; set; }

    /// <summary>The experiment the ranking belongs to, or null (docs/experiments.md).</summary>
    public string? Experiment { get; set; }

    /// <summary>The session's arm in <see cref="Experiment"/>: Control or Treatment.</summary>
    public string? Arm { get; set; }

    /// <summary>
    /// SHA-256 hex of the rule set the ranking was made with (the first entry of a submission), or of the rules of a
    /// <see cref="AuditEvent.RankingDirectives"/> entry; null when no rules were given or the entry does not say.
    /// </summary>
    public string? DirectiveSet { get; set; }

    /// <summary>The overflow mode of the ranking when not the default Rescale (the first entry of a submission).</summary>
    public string? Overflow { get; set; }

    /// <summary>True when the ranking min-max normalized relevance (the first entry of a submission); null otherwise.</summary>
    public bool? Normalize { get; set; }

    /// <summary>True when the entry records its session's candidates (the first entry of a submission, from version 0.3).</summary>
    public bool HasCandidates => CandidatesLogged || Candidates is not null;

    /// <summary>The session's candidates in input order; null when the entry has none or the reader did not ask for them.</summary>
    internal IReadOnlyList<RankInput>? Candidates { get; set; }

    /// <summary>The row errors of the session's held-back stand-ins (candidates written with <c>e</c>); null with no candidates.</summary>
    internal IReadOnlyList<HeldBackRow>? HeldBackRows { get; set; }

    /// <summary>
    /// Whether the stored line holds the hash of its own bytes, for the entries a reader was asked to check
    /// (<see cref="AuditLogReader.HashCheckedFor"/>); null when it was not checked.
    /// </summary>
    internal bool? HoldsItsHash { get; set; }

    /// <summary>Set by the reader when the line has <c>candidates</c>, read or skipped.</summary>
    internal bool CandidatesLogged { get; set; }

    /// <summary>
    /// Why the entry's <c>candidates</c> could not be read (an edited or foreign log), naming the session and time; null when
    /// they were read, or not asked for. The entry itself is kept: only readers that replay candidates leave it out.
    /// </summary>
    public string? CandidatesProblem { get; internal set; }

    /// <summary>
    /// On a ranking entry: the rule set behind <see cref="DirectiveSet"/>, which the run records once as its own entry.
    /// On a <see cref="AuditEvent.RankingDirectives"/> entry: its rules, written as <c>directives</c>.
    /// </summary>
    internal DirectiveSet? Directives { get; set; }

    /// <summary>A short reason for a failure; credentials are masked and it is cut at 500 characters.</summary>
    public string? Error { get => _error; set => _error = AuditText.Sanitize(value); }

    /// <summary>Anything else worth keeping, such as a failed callback; sanitized like <see cref="Error"/>.</summary>
    public string? Note { get => _note; set => _note = AuditText.Sanitize(value); }

    /// <summary>An <see cref="AuditEvent.AuditPruned"/> entry's deleted files, by name; null on every other entry.</summary>
    public IReadOnlyList<string>? Files { get; set; }

    public string? ModuleVersion { get; set; }
    public string? Host { get; set; }
    public string? User { get; set; }

    /// <summary>The hash of the entry before this one (64 zeros for the first entry ever).</summary>
    public string? PrevHash { get; internal set; }

    /// <summary>SHA-256 hex of <see cref="PrevHash"/> followed by this entry's canonical JSON without <c>hash</c>.</summary>
    public string? Hash { get; internal set; }

    public override string ToString() => Event == AuditEvent.Click
        ? $"{AuditTimestamp.ToText(Timestamp)} click {SessionId}/{SnippetId} #{RankPosition}"
        : Event is AuditEvent.AuditPruned or AuditEvent.AuditPolicy
        ? $"{AuditTimestamp.ToText(Timestamp)} {Event}{(Files is { } files ? $" {files.Count} file(s)" : "")}: {Note}"
        : $"{AuditTimestamp.ToText(Timestamp)} {Event} {SessionId} {Status}";
}
