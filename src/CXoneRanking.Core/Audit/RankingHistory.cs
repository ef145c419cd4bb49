namespace CXoneRanking.Audit;

/// <summary>Every logged submission of one session in a time range, oldest first (<see cref="RankingHistoryReader"/>).</summary>
public sealed class RankingHistory
{
    public string SessionId { get; init; } = string.Empty;

    /// <summary>The submissions whose first entry records candidates, oldest first; invalid and never-sent ones too.</summary>
    public IReadOnlyList<LoggedRanking> Rankings { get; init; } = [];

    /// <summary>The session's submissions logged without candidates (by a module before 0.3, or from a piped payload): left out.</summary>
    public int WithoutCandidates { get; init; }

    /// <summary>The session's submissions whose recorded candidates could not be read (an edited or foreign log): left out.</summary>
    public int UnreadableCandidates { get; init; }

    /// <summary>The first of their problems (<see cref="AuditEntry.CandidatesProblem"/>); null when there is none.</summary>
    public string? FirstCandidatesProblem { get; init; }

    /// <summary>The rankings (in <see cref="Rankings"/>) whose rule set the log does not hold: they cannot be replayed as logged.</summary>
    public int DirectiveSetsNotFound { get; init; }

    /// <summary>
    /// For a -SessionId wildcard pattern that matched no session with a ranking in the range: the pattern (then
    /// <see cref="SessionId"/> is the pattern too, and the history is empty); null otherwise.
    /// </summary>
    public string? Pattern { get; init; }

    /// <summary>True when the range holds no submission of the session at all.</summary>
    public bool IsEmpty => Rankings.Count == 0 && WithoutCandidates == 0;
}
