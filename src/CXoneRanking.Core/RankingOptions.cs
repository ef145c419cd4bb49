using CXoneRanking.Ranking;

namespace CXoneRanking;

/// <summary>How the engine ranks a session (docs/design.md#ranking-rules); the cmdlets' parameters map onto it.</summary>
public sealed class RankingOptions
{
    /// <summary>How many snippets the payload keeps, 1..50.</summary>
    public int MaxResultWindow { get; init; } = SnippetRules.DefaultWindow;

    public IReadOnlyList<BoostDirective> Directives { get; init; } = [];

    public OverflowMode Overflow { get; init; } = OverflowMode.Rescale;

    /// <summary>Min-max scale the session's relevance scores before boosts.</summary>
    public bool Normalize { get; init; }

    /// <summary>The session for ranks that carry none.</summary>
    public string? DefaultSessionId { get; init; }
}
