namespace CXoneRanking.Api;

/// <summary>A submission's outcome as the <see cref="RankingSubmissionResult"/> the caller gets.</summary>
internal static class SubmissionResults
{
    /// <summary>
    /// The result, labelled with the ranking's experiment and arm; <paramref name="checksum"/> is the
    /// payload's, as its audit entry holds it (computed once).
    /// </summary>
    public static RankingSubmissionResult Describe(SessionRanking ranking, RankingPayload? payload, string? checksum, string key,
        SubmissionOutcome outcome) => new()
        {
            SessionId = ranking.SessionId,
            Status = outcome.Status,
            HttpStatus = outcome.HttpStatus,
            Attempts = outcome.Attempts,
            LatencyMs = outcome.LatencyMs,
            IdempotencyKey = key,
            RankingChecksum = checksum,
            Ranking = payload?.Snippets ?? [],
            Response = outcome.Answer is null ? null : JsonObjects.ParseObject(outcome.Answer),
            Error = outcome.Error,
            Problems = outcome.Problems,
            CallbackError = outcome.CallbackError,
            AuditError = outcome.AuditError,
            Experiment = ranking.Experiment,
            Arm = ranking.Arm,
        };
}
