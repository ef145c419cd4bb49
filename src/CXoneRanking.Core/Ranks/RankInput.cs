namespace CXoneRanking.Ranks;

/// <summary>
/// What the engine keeps of one <see cref="SnippetRank"/>: its values, copied as the rank arrives.
/// A pipeline's ranks are held until its last row; kept as structs in one array per session,
/// 100k of them are a few thousand objects to the garbage collector instead of 100k, and the
/// rank objects themselves die young.
/// </summary>
internal readonly struct RankInput(SnippetRank rank, int inputNumber)
{
    /// <summary>The 1-based position of the rank in its cmdlet's input, across sessions: how errors name it.</summary>
    public int InputNumber { get; } = inputNumber;

    public string SnippetId { get; } = rank.SnippetId;
    public double RelevanceScore { get; } = rank.RelevanceScore;
    public double BoostFactor { get; } = rank.BoostFactor;
    public StoredMetadata Metadata { get; } = rank.StoredMetadata;
    public IReadOnlyList<WeightedSignal>? Signals { get; } = rank.Signals;
}
