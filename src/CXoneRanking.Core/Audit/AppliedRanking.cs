namespace CXoneRanking.Audit;

/// <summary>The ranking last applied to a session, as its ranking.submitted entry records it.</summary>
public sealed class AppliedRanking(string sessionId, string rankingChecksum, string? idempotencyKey, DateTimeOffset appliedAt)
{
    public string SessionId { get; } = sessionId;

    /// <summary>SHA-256 hex of the canonical payload that was applied.</summary>
    public string RankingChecksum { get; } = rankingChecksum;

    /// <summary>The key the applying submission was sent with.</summary>
    public string? IdempotencyKey { get; } = idempotencyKey;

    /// <summary>The timestamp of the ranking.submitted entry.</summary>
    public DateTimeOffset AppliedAt { get; } = appliedAt;

    public override string ToString() => $"{SessionId}: {RankingChecksum} at {AuditTimestamp.ToText(AppliedAt)}";
}
