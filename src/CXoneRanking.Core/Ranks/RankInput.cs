namespace CXoneRanking.Ranks;

/// <summary>
/// What the engine keeps of one <see cref="SnippetRank"/>: its values, copied as the rank arrives.
/// A pipeline's ranks are held until its last row; kept as structs in one array per session,
/// 100k of them are a few thousand objects to the garbage collector instead of 100k, and the
/// rank objects themselves die young.
/// </summary>
internal readonly struct RankInput(SnippetRank rank, int inputNumber)
{
    /// <summary>
    /// How errors name the rank: the row it was read from (<see cref="SnippetRank.InputNumber"/>), else its 1-based
    /// position in this cmdlet's input, across sessions.
    /// </summary>
    public int InputNumber { get; } = rank.InputNumber ?? inputNumber;

    public string SnippetId { get; } = rank.SnippetId;
    public double RelevanceScore { get; } = rank.RelevanceScore;
    public double BoostFactor { get; } = rank.BoostFactor;
    public StoredMetadata Metadata { get; } = rank.StoredMetadata;
    public IReadOnlyList<WeightedSignal>? Signals { get; } = rank.Signals;
}
