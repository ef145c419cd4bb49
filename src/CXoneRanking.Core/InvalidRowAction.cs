namespace CXoneRanking;

/// <summary>What a refused input row does to its session (New-SnippetRank -InvalidRowAction).</summary>
public enum InvalidRowAction
{
    /// <summary>The row is reported and left out; the rest of its session is ranked and sent without it.</summary>
    DropRow,

    /// <summary>
    /// The row is reported and a stand-in rank (<see cref="SnippetRank.RowError"/>) takes its place, so that
    /// Test-RankingPayload and Submit-SnippetRanking find its whole session invalid and send nothing for it.
    /// </summary>
    DropSession,
}
