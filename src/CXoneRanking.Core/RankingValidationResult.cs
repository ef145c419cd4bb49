namespace CXoneRanking;

/// <summary>One session's ranking checked against the assist engine's constraints.</summary>
public sealed class RankingValidationResult
{
    public string SessionId { get; init; } = string.Empty;

    public bool IsValid => Errors.Count == 0;

    /// <summary>Every problem that stops the payload from being sent, not only the first.</summary>
    public IReadOnlyList<RankingIssue> Errors { get; init; } = [];

    public IReadOnlyList<RankingIssue> Warnings { get; init; } = [];

    /// <summary>The exact payload that would be sent; null when there are errors.</summary>
    public RankingPayload? Payload { get; init; }

    public override string ToString() =>
        $"{SessionId}: {(IsValid ? "valid" : "invalid")}, {Errors.Count} error(s), {Warnings.Count} warning(s)";
}
