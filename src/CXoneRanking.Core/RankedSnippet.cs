using CXoneRanking.Ranks;

namespace CXoneRanking;

/// <summary>A snippet as ranked for a session: its place, final score and how the score came to be.</summary>
public sealed class RankedSnippet
{
    private readonly Ranking.ScoredSnippet? _scored;
    private string? _explanation;
    private IReadOnlyDictionary<string, string>? _metadata;

    public RankedSnippet() { }

    /// <summary>A ranked snippet whose explanation and metadata are taken on first read, from how it was scored.</summary>
    internal RankedSnippet(Ranking.ScoredSnippet scored) => _scored = scored;

    /// <summary>1-based position in the session's ranking.</summary>
    public int Position { get; init; }

    /// <summary>The same as <see cref="Position"/>, under the name scripts tend to use.</summary>
    public int Rank => Position;

    public string SnippetId { get; init; } = string.Empty;

    /// <summary>
    /// The final score f in [0, 1], rounded to 4 decimals: what the snippets are sorted by, sent as
    /// the wire's relevance_score (docs/design.md, "Names").
    /// </summary>
    public double FinalScore { get; init; }

    /// <summary>The former name of <see cref="FinalScore"/>, kept for the 0.x releases.</summary>
    public double Score { get => FinalScore; init => FinalScore = value; }

    /// <summary>The relevance score r that went in (after the score matrix, before normalization): the input, never what is sent.</summary>
    public double RelevanceScore { get; init; }

    /// <summary>The total boost factor applied: the snippet's own times every matching rule.</summary>
    public double BoostFactor { get; init; }

    public IReadOnlyDictionary<string, string> Metadata
    {
        get => _metadata ??= _scored?.Metadata.View ?? ReadOnlyMetadata.Empty;
        init => _metadata = value;
    }

    /// <summary>How the score came to be, e.g. <c>0.9 x boost 1.5 = 1.35; rescaled /1.35 = 1.0</c>.</summary>
    public string Explanation
    {
        get => _explanation ??= _scored?.Explanation ?? string.Empty;
        init => _explanation = value;
    }

    public override string ToString() => $"{Position}. {SnippetId} {ScoreFormat.Number(FinalScore)}";
}
