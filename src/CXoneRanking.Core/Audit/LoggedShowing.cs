using CXoneRanking.WhatIf;

namespace CXoneRanking.Audit;

/// <summary>
/// One distinct successful showing of a session (a ranking in force, docs/audit-log.md#the-ranking-in-force) that has its
/// candidates, with the clicks attributed to it by the one rule the metrics use (<see cref="LoggedShowingReader"/>).
/// </summary>
public sealed class LoggedShowing
{
    internal LoggedShowing(LoggedRanking ranking, IReadOnlyList<int> clickedPositions, int? firstClickPosition,
        IReadOnlyList<AuditEntry> clicks)
    {
        Ranking = ranking;
        ClickedPositions = clickedPositions;
        FirstClickPosition = firstClickPosition;
        ClickEntries = clicks;
    }

    public string SessionId => Ranking.SessionId;

    /// <summary>The logged submission shown: its candidates and options, to replay with a proposal.</summary>
    public LoggedRanking Ranking { get; }

    /// <summary>The snippet ids shown (the log's <c>snippets</c>), position 1 first.</summary>
    public IReadOnlyList<string> Shown => Ranking.Snippets;

    /// <summary>
    /// The 1-based positions in <see cref="Shown"/> of the snippets clicked at least once while it was in force, each once,
    /// ascending: as many as the metrics count clicked impressions for this showing.
    /// </summary>
    public IReadOnlyList<int> ClickedPositions { get; }

    /// <summary>The <c>rank_position</c> of the showing's earliest click (what the mean reciprocal rank uses); null without one.</summary>
    public int? FirstClickPosition { get; }

    /// <summary>Every click on a snippet the showing showed, repeated ones included, oldest first as read.</summary>
    public IReadOnlyList<AuditEntry> ClickEntries { get; }

    public long Clicks => ClickEntries.Count;

    /// <summary>The estimator's view of this showing, with <paramref name="proposed"/> the list a proposal ranks in its place.</summary>
    public WhatIfShowing ToWhatIf(IReadOnlyList<string> proposed) => new()
    {
        SessionId = SessionId,
        Logged = Shown,
        Proposed = proposed ?? [],
        ClickedPositions = ClickedPositions,
        FirstClickPosition = FirstClickPosition,
        Clicks = Clicks,
    };

    public override string ToString() => $"{SessionId}: {Shown.Count} shown, {ClickedPositions.Count} clicked";
}
