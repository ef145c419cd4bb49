namespace CXoneRanking.Rows;

/// <summary>
/// Either a rank or the issue that stopped the row; never both. A refused row read under
/// <see cref="InvalidRowAction.DropSession"/> also has a <see cref="StandIn"/>: the rank that holds its session back.
/// </summary>
public readonly struct RowReadResult(SnippetRank? rank, RankingIssue? issue, SnippetRank? standIn = null)
{
    public SnippetRank? Rank { get; } = rank;
    public RankingIssue? Issue { get; } = issue;

    /// <summary>The refused row's stand-in (<see cref="SnippetRank.RowError"/> set), to be passed on in its place; else null.</summary>
    public SnippetRank? StandIn { get; } = standIn;
}
