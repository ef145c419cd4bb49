namespace CXoneRanking.WhatIf;

/// <summary>A snippet the proposal moves: where it was, where it would be, and how often it would be looked at.</summary>
public sealed class MovedSnippet
{
    public string SnippetId { get; init; } = string.Empty;

    /// <summary>The model's attractiveness (click chance once looked at); null when the log cannot estimate it.</summary>
    public double? Attractiveness { get; init; }

    /// <summary>How often the logged showings showed it.</summary>
    public long LoggedImpressions { get; init; }

    /// <summary>Mean logged position where shown; null when never shown.</summary>
    public double? OldMeanPosition { get; init; }

    /// <summary>Mean proposed position where shown; null when the proposal never shows it.</summary>
    public double? NewMeanPosition { get; init; }

    /// <summary>Logged impressions weighted by the examination of their positions: how often it was looked at.</summary>
    public double OldExpectedImpressions { get; init; }

    /// <summary>Proposed impressions weighted by the examination of their positions.</summary>
    public double NewExpectedImpressions { get; init; }

    public override string ToString() =>
        FormattableString.Invariant($"{SnippetId}: {OldExpectedImpressions:0.#} -> {NewExpectedImpressions:0.#} expected impressions");
}
