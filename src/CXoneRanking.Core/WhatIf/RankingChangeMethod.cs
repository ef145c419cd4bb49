namespace CXoneRanking.WhatIf;

/// <summary>How an estimate was made, so it can be repeated (same showings, same seed, same figures).</summary>
public sealed class RankingChangeMethod
{
    public string Model { get; init; } = RankingChangeEstimator.ModelName;

    /// <summary>Session bootstrap resamples, the model refitted on each.</summary>
    public int Resamples { get; init; }

    public int Seed { get; init; }

    /// <summary>The position whose examination the model holds at 1; null when the log has no click.</summary>
    public int? ReferencePosition { get; init; }

    /// <summary>Logged impressions a snippet needs to count as estimable in Coverage.</summary>
    public int MinImpressions { get; init; } = RankingChangeEstimator.MinImpressions;

    public string Interval { get; init; } = "95% session bootstrap (Poisson weights), percentile";

    public override string ToString() => FormattableString.Invariant($"{Model}; {Resamples} resamples, seed {Seed}; {Interval}");
}
