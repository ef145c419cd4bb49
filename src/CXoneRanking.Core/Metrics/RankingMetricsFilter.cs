namespace CXoneRanking.Metrics;

/// <summary>Which entries metrics count: a half-open time range and, optionally, a set of sessions.</summary>
public sealed class RankingMetricsFilter
{
    private HashSet<string>? _sessionIds;

    /// <summary>Entries at or after this instant.</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>Entries before this instant (exclusive, so consecutive ranges never count an entry twice).</summary>
    public DateTimeOffset? Until { get; set; }

    /// <summary>Only these sessions (exact, case-sensitive ids); null or empty for all.</summary>
    public IEnumerable<string>? SessionIds
    {
        get => _sessionIds;
        set => _sessionIds = value is null ? null : new HashSet<string>(value.Where(id => id is not null), StringComparer.Ordinal);
    }

    public bool Includes(AuditEntry entry) =>
        (Since is not { } since || entry.Timestamp >= since)
        && (Until is not { } until || entry.Timestamp < until)
        && (_sessionIds is not { Count: > 0 } sessions || (entry.SessionId is { } id && sessions.Contains(id)));
}
