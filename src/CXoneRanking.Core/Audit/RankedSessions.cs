namespace CXoneRanking.Audit;

/// <summary>
/// Which of some sessions the audit log ever ranked (any ranking entry, whatever its outcome) or
/// holds an imported Expert search for: one streamed pass over the log's lines, reading only each
/// line's event and session. Add-SnippetClick uses it to warn of clicks that metrics will count
/// apart (docs/audit-log.md#recording-clicks). Given a first day, only the files of that day and
/// later are read, so one click on a year-long log reads about a week of it, not the year.
/// </summary>
public static class RankedSessions
{
    /// <summary>How many days before a click's day Add-SnippetClick looks for the session's ranking.</summary>
    public const int LookbackDays = 7;

    /// <summary>The first day whose file can hold the ranking of a click at <paramref name="earliestClick"/> (UTC).</summary>
    public static DateTime FirstDayFor(DateTimeOffset earliestClick) => earliestClick.UtcDateTime.Date.AddDays(-LookbackDays);

    /// <summary>
    /// The sessions of <paramref name="sessionIds"/> with no ranking shown (submitted, unchanged, or an imported Expert search)
    /// in the log in <paramref name="directory"/>, reading
    /// only the files of <paramref name="firstDay"/> (a file's day is the UTC day it was written) and later when it is given.
    /// </summary>
    /// <exception cref="IOException">A file could not be read.</exception>
    public static IReadOnlyCollection<string> NeverRanked(string directory, IEnumerable<string> sessionIds,
        DateTime? firstDay = null, CancellationToken cancellationToken = default)
    {
        var unranked = new HashSet<string>(sessionIds, StringComparer.Ordinal);
        if (unranked.Count == 0 || !Directory.Exists(directory)) return unranked;
        foreach (var pair in AuditLogSnapshot.Take(directory, cancellationToken).Since(firstDay).Lines(cancellationToken))
        {
            if (pair.Value.IsBlank || RankingLineFields.TryRead(pair.Value.Memory.Span) is not { SessionId: { } session } line) continue;
            // Only a ranking that was shown counts, as in the metrics (RankingsInForce): an invalid or failed one showed nothing.
            if (line.Event is AuditEvent.RankingSubmitted or AuditEvent.RankingUnchanged or AuditEvent.ExpertSearch)
            {
                unranked.Remove(session);
                if (unranked.Count == 0) break;
            }
        }
        return unranked;
    }
}
