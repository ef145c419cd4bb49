using CXoneRanking.Audit;

namespace CXoneRanking;

/// <summary>
/// One logged ranking of a session, explained from the log alone (Get-RankingHistory,
/// docs/what-if.md#explaining-a-past-ranking-get-rankinghistory): what was shown and why, and each
/// candidate that was not shown with its reason. Everything but the logged fields comes from
/// replaying the logged candidates through the ranking engine, so <see cref="Snippets"/> carry the
/// explanation Test-RankingPayload gives for the same input.
/// </summary>
public sealed class RankingHistoryEntry
{
    /// <summary>When the submission ended (its outcome entry); when it was about to be sent if its outcome is unknown.</summary>
    public DateTimeOffset Timestamp { get; init; }

    public string SessionId { get; init; } = string.Empty;

    /// <summary>
    /// How the submission ended, as logged (Succeeded, InvalidRanking, RankingRejected ...); OutcomeUnknown without an outcome entry.
    /// </summary>
    public string Status { get; init; } = string.Empty;

    public string? Experiment { get; init; }

    /// <summary>The session's arm in <see cref="Experiment"/>; null outside an experiment.</summary>
    public string? Arm { get; init; }

    /// <summary>The SHA-256 of the rule set in force (docs/audit-log.md); null when no rules were given.</summary>
    public string? DirectiveSet { get; init; }

    /// <summary>The rules in force, in the order they applied.</summary>
    public IReadOnlyList<BoostDirective> Directives { get; init; } = [];

    /// <summary>The window asked for.</summary>
    public int MaxResultWindow { get; init; }

    public OverflowMode Overflow { get; init; } = OverflowMode.Rescale;

    public bool Normalize { get; init; }

    /// <summary>The ranking_checksum logged: the SHA-256 of the payload that was sent; null when nothing was sent.</summary>
    public string? RankingChecksum { get; init; }

    /// <summary>How many candidates the session was given.</summary>
    public int CandidateCount { get; init; }

    /// <summary>What the ranking showed, position 1 first (for a submission that failed: what it would have shown).</summary>
    public IReadOnlyList<RankedSnippet> Snippets { get; init; } = [];

    /// <summary>
    /// Every candidate not shown, with its reason: in input order, so each can be found in the source (held-back rows last:
    /// the log keeps them apart). A SessionInvalid candidate points to <see cref="Errors"/>, which holds the session's errors once.
    /// </summary>
    public IReadOnlyList<NotShownCandidate> NotShown { get; init; } = [];

    /// <summary>The warnings the engine gives for this ranking (exclusions, the window, capped boosts ...).</summary>
    public IReadOnlyList<RankingIssue> Warnings { get; init; } = [];

    /// <summary>The errors that kept it from being sent; empty for a valid ranking.</summary>
    public IReadOnlyList<RankingIssue> Errors { get; init; } = [];

    /// <summary>
    /// True when the replay gives exactly what the log says was sent (the snippets and the ranking_checksum); false means
    /// the log was edited or the engine's rules changed since, and the explanation is of the replay, not of what was sent.
    /// </summary>
    public bool Reproduced { get; init; }

    /// <summary>
    /// True when the ranking's entries (write-ahead and outcome) each match their own hash as the log was read: nothing in
    /// them was changed after they were written. False means an edit, even one <see cref="Reproduced"/> cannot see (the
    /// relevance of a candidate that was not shown): the explanation is of the edited entry. Test-RankingAuditLog checks the chain.
    /// </summary>
    public bool Verified { get; init; }

    public int ShownCount => Snippets.Count;

    public int NotShownCount => NotShown.Count;

    /// <summary>The snippet shown first; null when nothing was shown.</summary>
    public string? TopSnippetId => Snippets.Count == 0 ? null : Snippets[0].SnippetId;

    public override string ToString() =>
        $"{AuditTimestamp.ToText(Timestamp)} {SessionId} {Status}: {ShownCount} shown"
        + (TopSnippetId is null ? "" : $" ({TopSnippetId} first)") + $", {NotShownCount} not shown";
}
