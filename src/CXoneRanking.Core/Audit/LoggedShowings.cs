namespace CXoneRanking.Audit;

/// <summary>
/// The showings of a time range that a what-if can use, and what was left out and why (<see cref="LoggedShowingReader"/>).
/// Impressions and clicked impressions are counted exactly as Get-RankingMetrics counts them: the used and the left-out
/// figures add up to its <c>Impressions</c> and <c>ClickedImpressions</c> over the same range.
/// </summary>
public sealed class LoggedShowings
{
    /// <summary>The distinct successful showings with candidates, each session's in time order.</summary>
    public IReadOnlyList<LoggedShowing> Showings { get; init; } = [];

    /// <summary>How many sessions <see cref="Showings"/> cover.</summary>
    public int Sessions { get; init; }

    /// <summary>Showings logged without candidates (before version 0.3, or from a piped payload): left out.</summary>
    public int WithoutCandidates { get; init; }

    /// <summary>Showings whose recorded candidates could not be read (an edited or foreign log): left out.</summary>
    public int UnreadableCandidates { get; init; }

    /// <summary>The first of their problems (<see cref="AuditEntry.CandidatesProblem"/>); null when there is none.</summary>
    public string? FirstCandidatesProblem { get; init; }

    /// <summary>Imported CXone Expert searches (their candidates are unknown): left out.</summary>
    public int ExpertSearches { get; init; }

    /// <summary>Showings (in <see cref="Showings"/>) whose rule set the log does not hold: a proposal still replays them.</summary>
    public int DirectiveSetsNotFound { get; init; }

    /// <summary>The impressions of <see cref="Showings"/> (snippets shown).</summary>
    public long Impressions { get; init; }

    /// <summary>The clicked impressions of <see cref="Showings"/>.</summary>
    public long ClickedImpressions { get; init; }

    /// <summary>The impressions of the showings left out (without candidates or with unreadable ones, Expert searches).</summary>
    public long ImpressionsLeftOut { get; init; }

    /// <summary>The clicked impressions of the showings left out.</summary>
    public long ClickedImpressionsLeftOut { get; init; }
}
