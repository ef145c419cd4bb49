namespace CXoneRanking.Audit;

/// <summary>
/// Which clicks were on a snippet the ranking in force when they were made never showed, or at a position past its
/// end (docs/audit-log.md#recording-clicks): the same rule the metrics use (<see cref="RankingsInForce{T}"/>), over
/// one streamed pass that parses only the successful rankings of the clicked sessions. Clicks before any ranking of
/// their session are left to <see cref="RankedSessions"/>.
/// </summary>
public static class UnshownClicks
{
    /// <summary>Reads only the files of <paramref name="firstDay"/> and later when it is given, as <see cref="RankedSessions"/> does.</summary>
    /// <exception cref="IOException">A file could not be read.</exception>
    public static IReadOnlyList<AuditEntry> Find(string directory, IReadOnlyCollection<AuditEntry> clicks,
        DateTime? firstDay = null, CancellationToken cancellationToken = default)
    {
        var sessions = new HashSet<string>(clicks.Where(c => c.SessionId is not null).Select(c => c.SessionId!), StringComparer.Ordinal);
        if (sessions.Count == 0 || !Directory.Exists(directory)) return [];
        var rankings = new RankingsInForce<IReadOnlyList<string>>();
        foreach (var pair in AuditLogSnapshot.Take(directory, cancellationToken).Since(firstDay).Lines(cancellationToken))
        {
            if (pair.Value.IsBlank || RankingLineFields.TryRead(pair.Value.Memory.Span) is not { SessionId: { } session } line
                || line.Event != AuditEvent.RankingSubmitted || !sessions.Contains(session)) continue;
            if (Parse(pair.Value) is not { } ranking) continue;
            rankings.Add(session, ranking.Timestamp, RankingsInForce<IReadOnlyList<string>>.KeyOf(ranking), ranking.Snippets ?? []);
        }
        return clicks.Where(c => c.SessionId is { } s && rankings.InForceAt(s, c.Timestamp) is { } shown && !Shows(shown, c)).ToList();
    }

    private static bool Shows(IReadOnlyList<string> shown, AuditEntry click) =>
        click.RankPosition is >= 1 and var position && position <= shown.Count
        && click.SnippetId is { } snippet && shown.Contains(snippet, StringComparer.Ordinal);

    // A damaged line: the verifier and the metrics report it; this check only skips it.
    private static AuditEntry? Parse(RawLine line)
    {
        using var json = AuditLineParser.TryParse(line, out _);
        return json is null ? null : AuditEntryParser.Parse(json.RootElement, out _);
    }
}
