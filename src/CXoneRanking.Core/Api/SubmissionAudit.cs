using CXoneRanking.Audit;
using CXoneRanking.Ranking;

namespace CXoneRanking.Api;

/// <summary>The audit entry of one submission, whatever its outcome.</summary>
internal static class SubmissionAudit
{
    // A ranking whose session id cannot be used is still audited, under this stand-in.
    public const string UnusableSessionId = "(invalid session id)";

    public static AuditEntry Entry(string sessionId, RankingPayload? payload, SubmissionStatus status, int? httpStatus,
        int attempts, long latencyMs, string idempotencyKey, string? error, DateTimeOffset now)
    {
        var eventName = status switch
        {
            SubmissionStatus.Succeeded => AuditEvent.RankingSubmitted,
            SubmissionStatus.Cancelled => AuditEvent.RankingCancelled,
            _ => AuditEvent.RankingFailed,
        };
        var session = SnippetRules.SessionIdProblem(sessionId) is null ? sessionId : UnusableSessionId;
        var entry = AuditEntry.Ranking(eventName, session, now);
        entry.SnippetCount = payload?.Snippets.Count ?? 0;
        entry.MaxWindow = payload?.MaxResultWindow;
        entry.Snippets = payload?.Snippets.Select(s => s.SnippetId).ToList();
        entry.Status = status.ToString();
        entry.HttpStatus = httpStatus;
        entry.Attempts = attempts;
        entry.LatencyMs = latencyMs;
        entry.IdempotencyKey = idempotencyKey;
        entry.RankingChecksum = payload?.ComputeChecksum();
        entry.Error = error;
        return entry;
    }
}
