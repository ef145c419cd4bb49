namespace CXoneRanking;

/// <summary>The codes of <see cref="RankingIssue"/>s; cmdlets use them as error ids.</summary>
public static class RankingIssueCodes
{
    // Errors: the session's payload cannot be sent.
    public const string MissingSessionId = nameof(MissingSessionId);
    public const string InvalidSessionId = nameof(InvalidSessionId);
    public const string InvalidSnippetId = nameof(InvalidSnippetId);
    public const string InvalidRelevanceScore = nameof(InvalidRelevanceScore);
    public const string InvalidBoostFactor = nameof(InvalidBoostFactor);
    public const string InvalidSignal = nameof(InvalidSignal);
    public const string InvalidMetadata = nameof(InvalidMetadata);

    /// <summary>A row has two columns for one field (snippet_id and Id, say): which one it means is unknown.</summary>
    public const string AmbiguousColumn = nameof(AmbiguousColumn);
    public const string InvalidDirective = nameof(InvalidDirective);
    public const string InvalidMaxResultWindow = nameof(InvalidMaxResultWindow);
    public const string DuplicateSnippetId = nameof(DuplicateSnippetId);
    public const string ScoreOverflow = nameof(ScoreOverflow);
    public const string EmptyRanking = nameof(EmptyRanking);

    /// <summary>A row of the session was refused under -InvalidRowAction DropSession: the session is held back whole.</summary>
    public const string SessionHeldBack = nameof(SessionHeldBack);

    // Warnings: the payload is sent, but the user may want to know.
    public const string Excluded = nameof(Excluded);
    public const string Truncated = nameof(Truncated);
    public const string Clamped = nameof(Clamped);
    public const string BoostCapped = nameof(BoostCapped);
    public const string UniformScores = nameof(UniformScores);
}
