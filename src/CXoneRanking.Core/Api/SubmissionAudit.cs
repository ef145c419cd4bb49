using CXoneRanking.Audit;
using CXoneRanking.Ranking;

namespace CXoneRanking.Api;

/// <summary>The audit entries of one submission: the write-ahead entry before it is sent, and its outcome.</summary>
internal static class SubmissionAudit
{
    // A ranking whose session id cannot be used is still audited, under this stand-in.
    public const string UnusableSessionId = "(invalid session id)";

    /// <summary>The ranking.sending entry: what is about to be sent, under the key every attempt carries.</summary>
    public static AuditEntry Sending(string sessionId, RankingPayload payload, string idempotencyKey, DateTimeOffset now)
    {
        var entry = AuditEntry.Ranking(AuditEvent.RankingSending, Session(sessionId), now);
        Describe(entry, payload, checksum: true);
        entry.IdempotencyKey = idempotencyKey;
        return entry;
    }

    /// <summary>The outcome entry; <paramref name="checksum"/> false leaves out ranking_checksum (for what was never sent).</summary>
    public static AuditEntry Entry(string sessionId, RankingPayload? payload, SubmissionStatus status, int? httpStatus,
        int attempts, long latencyMs, string idempotencyKey, string? error, DateTimeOffset now, bool checksum = true)
    {
        var eventName = status switch
        {
            SubmissionStatus.Succeeded => AuditEvent.RankingSubmitted,
            SubmissionStatus.Cancelled => AuditEvent.RankingCancelled,
            _ => AuditEvent.RankingFailed,
        };
        var entry = AuditEntry.Ranking(eventName, Session(sessionId), now);
        Describe(entry, payload, checksum);
        entry.Status = status.ToString();
        entry.HttpStatus = httpStatus;
        entry.Attempts = attempts;
        entry.LatencyMs = latencyMs;
        entry.IdempotencyKey = idempotencyKey;
        entry.Error = error;
        return entry;
    }

    private static string Session(string sessionId) => SnippetRules.SessionIdProblem(sessionId) is null ? sessionId : UnusableSessionId;

    private static void Describe(AuditEntry entry, RankingPayload? payload, bool checksum)
    {
        entry.SnippetCount = payload?.Snippets.Count ?? 0;
        entry.MaxWindow = payload?.MaxResultWindow;
        entry.Snippets = payload?.Snippets.Select(s => s.SnippetId).ToList();
        entry.RankingChecksum = checksum ? payload?.ComputeChecksum() : null;
    }
}
