namespace CXoneRanking.Ranks;

/// <summary>
/// What the engine keeps of one <see cref="SnippetRank"/>: its values, copied as the rank arrives.
/// A pipeline's ranks are held until its last row; kept as structs in one array per session,
/// 100k of them are a few thousand objects to the garbage collector instead of 100k, and the
/// rank objects themselves die young. The audit log records them as a session's candidates
/// (docs/audit-log.md#how-a-ranking-came-to-be) and a logged ranking reads them back the same way.
/// </summary>
internal readonly struct RankInput
{
    public RankInput(SnippetRank rank, int inputNumber)
    {
        InputNumber = rank.InputNumber ?? inputNumber;
        SnippetId = rank.SnippetId;
        RelevanceScore = rank.RelevanceScore;
        BoostFactor = rank.BoostFactor;
        Metadata = rank.StoredMetadata;
        Signals = rank.Signals;
    }

    /// <summary>A candidate read back from the audit log.</summary>
    public RankInput(int inputNumber, string snippetId, double relevanceScore, double boostFactor, StoredMetadata metadata,
        IReadOnlyList<WeightedSignal>? signals)
    {
        InputNumber = inputNumber;
        SnippetId = snippetId;
        RelevanceScore = relevanceScore;
        BoostFactor = boostFactor;
        Metadata = metadata;
        Signals = signals;
    }

    /// <summary>
    /// How errors name the rank: the row it was read from (<see cref="SnippetRank.InputNumber"/>), else its 1-based
    /// position in this cmdlet's input, across sessions.
    /// </summary>
    public int InputNumber { get; }

    public string SnippetId { get; }
    public double RelevanceScore { get; }
    public double BoostFactor { get; }
    public StoredMetadata Metadata { get; }
    public IReadOnlyList<WeightedSignal>? Signals { get; }

    /// <summary>A rank with these values (for a logged candidate: what the session was given).</summary>
    public SnippetRank ToSnippetRank(string sessionId) => new(Metadata.ToDictionary())
    {
        SessionId = sessionId, SnippetId = SnippetId, RelevanceScore = RelevanceScore, BoostFactor = BoostFactor, Signals = Signals,
    };
}
