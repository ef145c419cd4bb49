using CXoneRanking.Audit;

namespace CXoneRanking.Api;

/// <summary>
/// Sessions Submit-SnippetRanking -SkipUnchanged does not send, because their ranking is the one
/// last applied: one ranking.unchanged entry each, all in one batch (no write-ahead entry, since
/// nothing is sent), and an Unchanged result each. The entry keeps metrics able to count them
/// apart; the applied entry's key and time go into its note, and the lookup ignores it, so the
/// real ranking.submitted entry stays the one later runs compare with.
/// </summary>
internal sealed class UnchangedSubmissions(SubmissionAuditTrail trail, Func<DateTimeOffset> now)
{
    public async Task<IReadOnlyList<RankingSubmissionResult>> RecordAsync(IReadOnlyList<SessionRanking> rankings, AppliedRankingIndex index)
    {
        if (rankings is null) throw new ArgumentNullException(nameof(rankings));
        if (index is null) throw new ArgumentNullException(nameof(index));
        var at = now();
        var applied = new List<AppliedRanking>(rankings.Count);
        var entries = new List<AuditEntry>(rankings.Count);
        foreach (var ranking in rankings)
        {
            var payload = ranking.Payload
                ?? throw new ArgumentException($"Session '{ranking.SessionId}' has no payload, so it cannot be unchanged.", nameof(rankings));
            var checksum = payload.ComputeChecksum();
            var last = index.Unchanged(ranking.SessionId, checksum)
                ?? throw new ArgumentException($"Session '{ranking.SessionId}' differs from the ranking last applied to it.", nameof(rankings));
            applied.Add(last);
            entries.Add(SubmissionAudit.Unchanged(ranking, payload, checksum, Describe(last), at));
        }
        var auditError = await trail.TryRecordOutcomesAsync(entries).ConfigureAwait(false);
        var outcome = SubmissionOutcome.Unchanged(auditError);
        return rankings.Select((r, i) => SubmissionResults.Describe(r, r.Payload, entries[i].RankingChecksum,
            applied[i].IdempotencyKey ?? string.Empty, outcome)).ToList();
    }

    public static string Describe(AppliedRanking applied) =>
        $"unchanged since it was applied at {AuditTimestamp.ToText(applied.AppliedAt)} "
        + $"(idempotency key {applied.IdempotencyKey ?? "none"}); not sent";
}
