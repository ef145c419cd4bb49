namespace CXoneRanking.WhatIf;

/// <summary>
/// One logged showing of a session (a distinct ranking in force, docs/audit-log.md#the-ranking-in-force) and the list the
/// proposal would have shown in its place: what RankingChangeEstimator works on. The reader builds it from the
/// log; the estimator never sees the log, so it can be tested on simulated showings with known truth.
/// </summary>
public sealed class WhatIfShowing
{
    public string SessionId { get; init; } = string.Empty;

    /// <summary>The snippet ids that were shown, position 1 first.</summary>
    public IReadOnlyList<string> Logged { get; init; } = [];

    /// <summary>The snippet ids the proposal ranks for the same candidates, position 1 first; empty when it leaves the session invalid.</summary>
    public IReadOnlyList<string> Proposed { get; init; } = [];

    /// <summary>The 1-based positions of <see cref="Logged"/> clicked at least once (each once), attributed as metrics attribute clicks.</summary>
    public IReadOnlyList<int> ClickedPositions { get; init; } = [];

    /// <summary>The position of the showing's earliest click; null without a click.</summary>
    public int? FirstClickPosition { get; init; }

    /// <summary>Every click on the showing, repeated ones included.</summary>
    public long Clicks { get; init; }
}
