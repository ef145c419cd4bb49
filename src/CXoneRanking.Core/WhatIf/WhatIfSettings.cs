namespace CXoneRanking.WhatIf;

/// <summary>How RankingChangeEstimator estimates (docs/what-if.md).</summary>
public sealed class WhatIfSettings
{
    public const int DefaultResamples = 200;
    public const int DefaultSeed = 20261207;

    /// <summary>Session bootstrap resamples, each with the click model refitted.</summary>
    public int Resamples { get; init; } = DefaultResamples;

    /// <summary>Seed of the bootstrap, so the same log and proposal give the same figures.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Sentences the caller adds to the result's Note (showings left out, and why).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Distinct directive sets the showings were ranked under, when the caller knows it (null: unknown). With 1, position
    /// and snippet effects are separated only by how relevance moved snippets between sessions, and the Note says so.
    /// </summary>
    public int? LoggedRuleSets { get; init; }
}
