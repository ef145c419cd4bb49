namespace CXoneRanking.Api;

/// <summary>A submission's outcome as the <see cref="RankingSubmissionResult"/> the caller gets.</summary>
internal static class SubmissionResults
{
    /// <summary>
    /// The result, labelled with the ranking's experiment and arm; <paramref name="checksum"/> is the
    /// payload's, as its audit entry holds it (computed once).
    /// </summary>
    public static RankingSubmissionResult Describe(SessionRanking ranking, SubmissionStatus status, RankingPayload? payload, string? checksum,
        string key,
        int? httpStatus, int attempts, long latencyMs, string? error, IReadOnlyList<string> problems, string? answer,
        string? callbackError, string? auditError) => new()
        {
            SessionId = ranking.SessionId,
            Status = status,
            HttpStatus = httpStatus,
            Attempts = attempts,
            LatencyMs = latencyMs,
            IdempotencyKey = key,
            RankingChecksum = checksum,
            Ranking = payload?.Snippets ?? [],
            Response = answer is null ? null : JsonObjects.ParseObject(answer),
            Error = error,
            Problems = problems,
            CallbackError = callbackError,
            AuditError = auditError,
            Experiment = ranking.Experiment,
            Arm = ranking.Arm,
        };
}
