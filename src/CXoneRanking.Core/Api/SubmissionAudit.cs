using CXoneRanking.Audit;
using CXoneRanking.Ranking;

namespace CXoneRanking.Api;

/// <summary>
/// The audit entries of one session's submission: the write-ahead entry before it is sent, its
/// outcome, or the entry of a session -SkipUnchanged did not send. Each names the ranking it is
/// about the same way, experiment and arm included. The first entry of a submission (the write-ahead entry of a session
/// sent, the outcome of one never sent) also records what the ranking depended on: its candidates and options
/// (docs/audit-log.md#how-a-ranking-came-to-be).
/// </summary>
internal static class SubmissionAudit
{
    // A ranking whose session id cannot be used is still audited, under this stand-in.
    public const string UnusableSessionId = "(invalid session id)";

    /// <summary>
    /// The ranking.sending entry: what is about to be sent (<paramref name="checksum"/> of its bytes), under the key every attempt carries.
    /// </summary>
    public static AuditEntry Sending(SessionRanking ranking, RankingPayload payload, string checksum, string idempotencyKey, DateTimeOffset now)
    {
        var entry = AuditEntry.Ranking(AuditEvent.RankingSending, Session(ranking.SessionId), now);
        Describe(entry, ranking, payload, checksum);
        RecordOrigins(entry, ranking);
        entry.IdempotencyKey = idempotencyKey;
        return entry;
    }

    /// <summary>
    /// The outcome entry; <paramref name="checksum"/> is null for what was never sent. <paramref name="sent"/> is false for a
    /// ranking never sent (no write-ahead entry), whose outcome is then its first entry and records its origins.
    /// </summary>
    public static AuditEntry Outcome(SessionRanking ranking, RankingPayload? payload, string? checksum, string idempotencyKey,
        SubmissionOutcome outcome, DateTimeOffset now, bool sent)
    {
        var eventName = outcome.Status switch
        {
            SubmissionStatus.Succeeded => AuditEvent.RankingSubmitted,
            SubmissionStatus.Cancelled => AuditEvent.RankingCancelled,
            _ => AuditEvent.RankingFailed,
        };
        var entry = AuditEntry.Ranking(eventName, Session(ranking.SessionId), now);
        Describe(entry, ranking, payload, checksum);
        entry.Status = outcome.Status.ToString();
        entry.HttpStatus = outcome.HttpStatus;
        entry.Attempts = outcome.Attempts;
        entry.LatencyMs = outcome.LatencyMs;
        entry.IdempotencyKey = idempotencyKey;
        entry.Error = outcome.Error;
        if (!sent) RecordOrigins(entry, ranking);
        return entry;
    }

    /// <summary>The ranking.unchanged entry of a session not sent because <paramref name="checksum"/> is already applied.</summary>
    public static AuditEntry Unchanged(SessionRanking ranking, RankingPayload payload, string checksum, string note, DateTimeOffset now)
    {
        var entry = AuditEntry.Ranking(AuditEvent.RankingUnchanged, Session(ranking.SessionId), now);
        Describe(entry, ranking, payload, checksum);
        entry.Note = note;
        return entry;
    }

    // A ranking the engine did not make (a payload piped on its own) has no options: nothing is known of how it came to be.
    private static void RecordOrigins(AuditEntry entry, SessionRanking ranking)
    {
        if (ranking.Options is not { } options) return;
        entry.MaxWindow ??= options.MaxResultWindow;
        entry.Directives = DirectiveSet.Of(options.Directives);
        entry.DirectiveSet = entry.Directives?.Hash;
        entry.Overflow = options.Overflow == OverflowMode.Rescale ? null : options.Overflow.ToString();
        entry.Normalize = options.Normalize ? true : null;
        entry.Candidates = ranking.Candidates;
        entry.HeldBackRows = ranking.HeldBack;
    }

    private static string Session(string sessionId) => SnippetRules.SessionIdProblem(sessionId) is null ? sessionId : UnusableSessionId;

    private static void Describe(AuditEntry entry, SessionRanking ranking, RankingPayload? payload, string? checksum)
    {
        entry.SnippetCount = payload?.Snippets.Count ?? 0;
        entry.MaxWindow = payload?.MaxResultWindow;
        entry.Snippets = payload?.Snippets.Select(s => s.SnippetId).ToList();
        entry.RankingChecksum = checksum;
        entry.Experiment = ranking.Experiment;
        entry.Arm = ranking.Arm;
    }
}
