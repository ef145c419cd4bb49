namespace CXoneRanking;

/// <summary>The <c>event</c> names an audit entry can carry.</summary>
public static class AuditEvent
{
    /// <summary>
    /// The write-ahead entry of a ranking about to be sent, written before the first POST; its
    /// outcome entry (one of the three below) follows with the same idempotency_key. One left
    /// without an outcome is a session whose outcome is unknown: it may have been applied.
    /// </summary>
    public const string RankingSending = "ranking.sending";

    /// <summary>A ranking the engine accepted (HTTP 200).</summary>
    public const string RankingSubmitted = "ranking.submitted";

    /// <summary>A ranking that was refused or could not be sent after every retry.</summary>
    public const string RankingFailed = "ranking.failed";

    /// <summary>A ranking whose submission was stopped (Ctrl+C, a timeout) before it finished.</summary>
    public const string RankingCancelled = "ranking.cancelled";

    /// <summary>
    /// A ranking not sent by Submit-SnippetRanking -SkipUnchanged: its checksum is that of the
    /// ranking last applied to the session at the same target. Not a submission (docs/design.md#skipping-unchanged-sessions).
    /// </summary>
    public const string RankingUnchanged = "ranking.unchanged";

    /// <summary>
    /// A rule set in force for rankings of this run: its hash (<c>directive_set</c>, which ranking entries reference) and
    /// its rules (<c>directives</c>), written once per run per distinct set, in the batch of the first ranking entry that
    /// references it (docs/audit-log.md#how-a-ranking-came-to-be).
    /// </summary>
    public const string RankingDirectives = "ranking.directives";

    /// <summary>An agent opened a ranked snippet.</summary>
    public const string Click = "click";

    /// <summary>A search on a CXone Expert site, imported from its search log: a ranking shown whose snippets are not known.</summary>
    public const string ExpertSearch = "expert.search";

    /// <summary>
    /// Retention deleted files of the log (by age, or by the size cap): <c>files</c> names them and <c>note</c> says why. Written
    /// after the deletes, whose last hashes are in <c>.cxone-audit.anchors</c> (docs/audit-log.md#pruning-in-the-chain).
    /// </summary>
    public const string AuditPruned = "audit.pruned";

    /// <summary>Set-RankingAuditPolicy changed the folder's policy: <c>note</c> holds the old and new values.</summary>
    public const string AuditPolicy = "audit.policy";

    /// <summary>True for the three ranking.* outcome events (not for <see cref="RankingSending"/>).</summary>
    public static bool IsRanking(string? eventName) =>
        eventName is RankingSubmitted or RankingFailed or RankingCancelled;
}
