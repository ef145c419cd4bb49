namespace CXoneRanking.Api;

/// <summary>
/// Sessions a stopped run never started: nothing of them was sent, so they get no write-ahead
/// entry, only a ranking.cancelled entry each, all in one batch. Ten thousand queued sessions
/// are then recorded in one append instead of ten thousand, and Ctrl+C returns at once.
/// </summary>
internal sealed class NotStartedSubmissions(SubmissionAuditTrail trail, Func<DateTimeOffset> now)
{
    public const string Reason = "stopped before it was sent; nothing was sent";

    public async Task<IReadOnlyList<RankingSubmissionResult>> CancelAsync(IReadOnlyList<SessionRanking> rankings)
    {
        if (rankings is null) throw new ArgumentNullException(nameof(rankings));
        var keys = rankings.Select(_ => Guid.NewGuid().ToString()).ToList();
        var at = now();
        var outcome = SubmissionOutcome.NotSent(SubmissionStatus.Cancelled, Reason);
        // No ranking_checksum: nothing was sent.
        var entries = rankings.Select((r, i) => SubmissionAudit.Outcome(r, r.Payload, null, keys[i], outcome, at, sent: false)).ToList();
        var auditError = await trail.TryRecordOutcomesAsync(entries).ConfigureAwait(false);
        var recorded = outcome with { AuditError = auditError };
        return rankings.Select((r, i) => SubmissionResults.Describe(r, r.Payload, null, keys[i], recorded)).ToList();
    }
}
