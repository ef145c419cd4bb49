namespace CXoneRanking;

/// <summary>Why a candidate of a logged ranking was not shown (Get-RankingHistory, docs/what-if.md).</summary>
public enum NotShownReason
{
    /// <summary>An exclusion rule of the directive set matched it; <see cref="NotShownCandidate.Rule"/> is that rule.</summary>
    Excluded,

    /// <summary>It ranked below the window (max_window); <see cref="NotShownCandidate.RankedPosition"/> is where it ranked.</summary>
    Window,

    /// <summary>The engine refused it (a validation error names it: a bad score, a duplicate id, a boosted score over 1 ...).</summary>
    Invalid,

    /// <summary>New-SnippetRank -InvalidRowAction DropSession refused its row, which held the whole session back.</summary>
    HeldBack,

    /// <summary>It was sound, but its session was invalid for another candidate or an option, so nothing was shown.</summary>
    SessionInvalid,
}
