using CXoneRanking.History;

namespace CXoneRanking;

/// <summary>
/// A candidate a logged ranking was given and did not show, as logged, with the reason the engine
/// gives when the ranking is replayed (Get-RankingHistory). <see cref="Detail"/> is the engine's own
/// text: the warning or error Test-RankingPayload gives for the same input.
/// </summary>
public sealed class NotShownCandidate
{
    public string SnippetId { get; init; } = string.Empty;

    /// <summary>The relevance score as given (after signal blending); NaN when the logged value is not a number.</summary>
    public double RelevanceScore { get; init; }

    /// <summary>
    /// The snippet's own boost factor as given, before any rule (no rule applied to a candidate not shown); a shown
    /// <see cref="RankedSnippet.BoostFactor"/> is the effective boost, the own boost times the rules that matched.
    /// </summary>
    public double BoostFactor { get; init; } = 1.0;

    /// <summary>Its metadata: a read-only IDictionary, so <c>.category</c> works as on every metadata object of the module.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = HistoryMetadata.Empty;

    public NotShownReason Reason { get; init; }

    /// <summary>The engine's message: the exclusion and its rule, the window, or the validation error.</summary>
    public string Detail { get; init; } = string.Empty;

    /// <summary>For <see cref="NotShownReason.Excluded"/>: the first exclusion rule that matched it, as the engine applies them.</summary>
    public BoostDirective? Rule { get; init; }

    /// <summary>For <see cref="NotShownReason.Window"/>: the position it ranked at, below the window.</summary>
    public int? RankedPosition { get; init; }

    public override string ToString() => $"{SnippetId}: {Reason}: {Detail}";
}
