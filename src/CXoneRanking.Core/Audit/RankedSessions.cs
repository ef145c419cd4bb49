namespace CXoneRanking.Audit;

/// <summary>
/// Which of some sessions the audit log ever ranked (any ranking entry, whatever its outcome) or
/// holds an imported Expert search for: one streamed pass over the log's lines, reading only each
/// line's event and session. Add-SnippetClick uses it to warn of clicks that metrics will count
/// apart (docs/audit-log.md#recording-clicks).
/// </summary>
public static class RankedSessions
{
    /// <summary>The sessions of <paramref name="sessionIds"/> with no ranking in the log in <paramref name="directory"/>.</summary>
    /// <exception cref="IOException">A file could not be read.</exception>
    public static IReadOnlyCollection<string> NeverRanked(string directory, IEnumerable<string> sessionIds,
        CancellationToken cancellationToken = default)
    {
        var unranked = new HashSet<string>(sessionIds, StringComparer.Ordinal);
        if (unranked.Count == 0 || !Directory.Exists(directory)) return unranked;
        foreach (var pair in AuditLogSnapshot.Take(directory, cancellationToken).Lines(cancellationToken))
        {
            if (pair.Value.IsBlank || RankingLineFields.TryRead(pair.Value.Memory.Span) is not { SessionId: { } session } line) continue;
            if (line.Event == AuditEvent.RankingSending || AuditEvent.IsRanking(line.Event!) || line.Event == AuditEvent.ExpertSearch)
            {
                unranked.Remove(session);
                if (unranked.Count == 0) break;
            }
        }
        return unranked;
    }
}
