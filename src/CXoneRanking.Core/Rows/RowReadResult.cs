namespace CXoneRanking.Rows;

/// <summary>Either a rank or the issue that stopped the row; never both.</summary>
public readonly struct RowReadResult(SnippetRank? rank, RankingIssue? issue)
{
    public SnippetRank? Rank { get; } = rank;
    public RankingIssue? Issue { get; } = issue;
}
