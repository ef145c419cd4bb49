namespace CXoneRanking.Metrics;

/// <summary>
/// Which outcome entries stand for a ranking that was never sent (docs/audit-log.md#metrics): an invalid
/// or held-back ranking, or one the audit log could not record. They are not failed sends, so metrics
/// and the report count them apart (NotSent), as they count unchanged sessions apart.
/// </summary>
internal static class SubmissionNotSent
{
    public static bool Is(AuditEntry outcome) =>
        outcome.Event == AuditEvent.RankingFailed
        && (string.Equals(outcome.Status, nameof(SubmissionStatus.InvalidRanking), StringComparison.Ordinal)
            || string.Equals(outcome.Status, nameof(SubmissionStatus.AuditUnavailable), StringComparison.Ordinal));
}
