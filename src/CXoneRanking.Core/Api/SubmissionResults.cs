namespace CXoneRanking.Api;

/// <summary>A submission's outcome as the <see cref="RankingSubmissionResult"/> the caller gets.</summary>
internal static class SubmissionResults
{
    public static RankingSubmissionResult Describe(string sessionId, SubmissionStatus status, RankingPayload? payload, string key,
        int? httpStatus, int attempts, long latencyMs, string? error, IReadOnlyList<string> problems, string? answer,
        string? callbackError, string? auditError) => new()
        {
            SessionId = sessionId,
            Status = status,
            HttpStatus = httpStatus,
            Attempts = attempts,
            LatencyMs = latencyMs,
            IdempotencyKey = key,
            RankingChecksum = payload?.ComputeChecksum(),
            Ranking = payload?.Snippets ?? [],
            Response = answer is null ? null : JsonObjects.ParseObject(answer),
            Error = error,
            Problems = problems,
            CallbackError = callbackError,
            AuditError = auditError,
        };
}
