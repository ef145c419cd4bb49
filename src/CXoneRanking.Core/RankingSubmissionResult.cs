namespace CXoneRanking;

/// <summary>One session's submission: how it ended, what was sent and what the API answered.</summary>
public sealed class RankingSubmissionResult
{
    public string SessionId { get; init; } = string.Empty;
    public SubmissionStatus Status { get; init; }
    /// <summary>True when the server has this ranking: applied now, or <see cref="SubmissionStatus.Unchanged"/> (applied before).</summary>
    public bool Succeeded => Status is SubmissionStatus.Succeeded or SubmissionStatus.Unchanged;

    /// <summary>The last HTTP status received, or null when none was (nothing sent, or no answer).</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Ranking POSTs made, retries included.</summary>
    public int Attempts { get; init; }

    /// <summary>From the first attempt to the outcome, retries and lock waits included.</summary>
    public long LatencyMs { get; init; }

    /// <summary>The one key sent with every attempt of this submission; for Unchanged, that of the submission that applied it.</summary>
    public string IdempotencyKey { get; init; } = string.Empty;

    /// <summary>SHA-256 of the canonical payload, as in the audit log.</summary>
    public string? RankingChecksum { get; init; }

    /// <summary>The ranked snippets, as sent (or as they would have been); empty when nothing could be ranked.</summary>
    public IReadOnlyList<RankedSnippet> Ranking { get; init; } = [];

    /// <summary>
    /// The same list as <see cref="Ranking"/>, under the name a Test-RankingPayload result (<see cref="SessionRanking.Snippets"/>)
    /// uses, so one script reads both. The list is the ranked snippets themselves: <c>.Ranking.Snippets</c> is not a thing.
    /// </summary>
    public IReadOnlyList<RankedSnippet> Snippets => Ranking;

    /// <summary>The API's answer on success, as nested dictionaries and lists.</summary>
    public IReadOnlyDictionary<string, object?>? Response { get; init; }

    /// <summary>Why it failed, in words; null on success.</summary>
    public string? Error { get; init; }

    /// <summary>What the API or the validation found wrong (400 problems, ranking errors).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Set when the feedback callback failed; the ranking itself is unaffected.</summary>
    public string? CallbackError { get; init; }

    /// <summary>
    /// Set when this session's outcome could not be written to the audit log (the ranking itself
    /// is as <see cref="Status"/> says), or, with <see cref="SubmissionStatus.AuditUnavailable"/>,
    /// why it was not sent.
    /// </summary>
    public string? AuditError { get; init; }

    /// <summary>The experiment the session was ranked in (docs/experiments.md), or null.</summary>
    public string? Experiment { get; init; }

    /// <summary>The session's arm in <see cref="Experiment"/>: Control or Treatment; null outside an experiment.</summary>
    public string? Arm { get; init; }

    public override string ToString() => $"{SessionId}: {Status}";
}
