namespace CXoneRanking.Rows;

/// <summary>
/// Every column a piped row can carry and every name it answers to: the one alias table. Each
/// column's first name is also the cmdlet parameter and object property of that name; the others
/// are constants so that the cmdlets' [Alias] attributes, which need constants, name them from here.
/// Names match in any letter case.
/// </summary>
internal static class RowColumns
{
    public const string SessionId = "SessionId";
    public const string SessionIdCsv = "session_id";

    public const string SnippetId = "SnippetId";
    public const string SnippetIdCsv = "snippet_id";
    public const string SnippetIdShort = "Id";

    public const string RelevanceScore = "RelevanceScore";
    public const string RelevanceScoreCsv = "relevance_score";
    public const string RelevanceScoreShort = "Score";

    public const string BoostFactor = "BoostFactor";
    public const string BoostFactorCsv = "boost_factor";
    public const string BoostFactorShort = "Boost";

    public const string Metadata = "Metadata";

    public const string RankPosition = "RankPosition";
    public const string RankPositionCsv = "rank_position";
    public const string RankPositionShort = "Position";

    public const string Timestamp = "Timestamp";

    /// <summary>
    /// A stand-in rank's mark (<see cref="SnippetRank.RowError"/>), so that it survives Export-Csv and Import-Csv.
    /// Looked for only in row shapes that have it (see <see cref="SnippetRowReader.Learn"/>).
    /// </summary>
    public const string RowError = "RowError";

    /// <summary>The names a rank row's fields answer to (New-SnippetRank), CSV names first.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, RowField>> RankNames =
    [
        new(SessionIdCsv, RowField.SessionId), new(SessionId, RowField.SessionId),
        new(SnippetIdCsv, RowField.SnippetId), new(SnippetId, RowField.SnippetId), new(SnippetIdShort, RowField.SnippetId),
        new(RelevanceScoreCsv, RowField.Relevance), new(RelevanceScore, RowField.Relevance), new(RelevanceScoreShort, RowField.Relevance),
        new(BoostFactorCsv, RowField.Boost), new(BoostFactor, RowField.Boost), new(BoostFactorShort, RowField.Boost),
        new(Metadata, RowField.Metadata),
        new(RowError, RowField.RowError),
    ];

    // A click row (Add-SnippetClick) reads each column from the first of its names the row has.
    // A click's snippet has never answered to the rank's short "Id"; these lists keep it so.

    /// <summary>A click row's session, by name in order of precedence.</summary>
    public static readonly IReadOnlyList<string> ClickSessionId = [SessionId, SessionIdCsv];

    /// <summary>A click row's snippet, by name in order of precedence.</summary>
    public static readonly IReadOnlyList<string> ClickSnippetId = [SnippetId, SnippetIdCsv];

    /// <summary>A click row's 1-based position, by name in order of precedence.</summary>
    public static readonly IReadOnlyList<string> ClickRankPosition = [RankPosition, RankPositionCsv, RankPositionShort];

    /// <summary>A click row's time.</summary>
    public static readonly IReadOnlyList<string> ClickTimestamp = [Timestamp];
}

/// <summary>What a rank row's column means to the rank it becomes.</summary>
public enum RowField { SessionId, SnippetId, Relevance, Boost, Metadata, RowError }
