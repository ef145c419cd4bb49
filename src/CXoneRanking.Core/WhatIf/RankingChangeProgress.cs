namespace CXoneRanking.WhatIf;

/// <summary>How far Measure-RankingChange has come after the log is read: re-ranking the showings, then resampling.</summary>
public readonly struct RankingChangeProgress(RankingChangeStage stage, int done, int total)
{
    public RankingChangeStage Stage { get; } = stage;

    public int Done { get; } = done;

    public int Total { get; } = total;

    public int PercentComplete => Total <= 0 ? 0 : (int)Math.Min(100, 100L * Done / Total);
}

/// <summary>The stages of an estimate, in order.</summary>
public enum RankingChangeStage
{
    ReRanking,
    Resampling,
}
