using static CXoneRanking.Audit.AuditExportColumn;

namespace CXoneRanking.Audit;

/// <summary>
/// The exported rows' schema (docs/audit-log.md#export): one row per entry, one column per entry member, in this order.
/// Changing a column's name, type or meaning, or adding one, raises <see cref="Version"/>: the next run then re-exports
/// every day, since each day's record holds the version it was written with.
/// </summary>
internal static class AuditExportSchema
{
    public const int Version = 1;

    /// <summary>The Parquet key-value metadata key that holds <see cref="Version"/>.</summary>
    public const string VersionKey = "cxone.audit.schema_version";

    public static readonly IReadOnlyList<AuditExportColumn> Columns =
    [
        OfTimestamp("timestamp", r => r.TimestampUtc),
        OfString("event", r => r.Entry.Event, required: true),
        OfString("session_id", r => r.Entry.SessionId),
        OfString("target", r => r.Entry.Target),
        OfInt32("snippet_count", r => r.Entry.SnippetCount),
        OfInt32("max_window", r => r.Entry.MaxWindow),
        OfStringList("snippets", r => r.Entry.Snippets ?? []),
        OfString("snippet_id", r => r.Entry.SnippetId),
        OfInt32("rank_position", r => r.Entry.RankPosition),
        OfString("status", r => r.Entry.Status),
        OfInt32("http_status", r => r.Entry.HttpStatus),
        OfInt32("attempts", r => r.Entry.Attempts),
        OfInt64("latency_ms", r => r.Entry.LatencyMs),
        OfString("idempotency_key", r => r.Entry.IdempotencyKey),
        OfString("ranking_checksum", r => r.Entry.RankingChecksum),
        OfString("experiment", r => r.Entry.Experiment),
        OfString("arm", r => r.Entry.Arm),
        OfString("directive_set", r => r.Entry.DirectiveSet),
        OfString("overflow", r => r.Entry.Overflow),
        OfBoolean("normalize", r => r.Entry.Normalize),
        OfString("candidates", r => r.CandidatesJson),
        OfString("directives", r => r.DirectivesJson),
        OfInt64("expert_query_id", r => r.Entry.ExpertQueryId),
        OfDouble("expert_rank", r => r.Entry.ExpertRank),
        OfString("expert_terms", r => r.Entry.ExpertTerms),
        OfInt32("expert_result_count", r => r.Entry.ExpertResultCount),
        OfString("error", r => r.Entry.Error),
        OfString("note", r => r.Entry.Note),
        OfString("module_version", r => r.Entry.ModuleVersion),
        OfString("host", r => r.Entry.Host),
        OfString("user", r => r.Entry.User),
        OfString("prev_hash", r => r.Entry.PrevHash),
        OfString("hash", r => r.Entry.Hash),
        OfString("audit_file", r => r.AuditFile, required: true),
    ];
}
