using CXoneRanking.Audit;

namespace CXoneRanking.Expert;

/// <summary>
/// What the audit log already holds of Expert searches, so that an import adds only what is new.
/// A search imported before keeps gaining selections on the site after it was logged; those are
/// compared by page, position and selection time (counted, since one agent can select the same
/// page twice in a second) and only the ones the log lacks are added. A search known only from a
/// session's click (Add-SnippetClick -Expert) belongs to that session: its selections are the
/// clicks the session recorded, so none is imported.
/// </summary>
internal sealed class ExpertImportedQueries
{
    private readonly Dictionary<long, Dictionary<ClickKey, int>> _imported = [];
    private readonly HashSet<long> _ownedBySessions = [];

    /// <summary>Reads every entry of the log in <paramref name="directory"/> that carries an Expert query id.</summary>
    public static ExpertImportedQueries Read(string directory, CancellationToken cancellationToken)
    {
        var known = new ExpertImportedQueries();
        if (!Directory.Exists(directory)) return known;
        foreach (var entry in new AuditLogReader(directory).ReadEntries(cancellationToken))
            if (entry.ExpertQueryId is { } id) known.Note(id, entry);
        return known;
    }

    /// <summary>Whether the search itself is in the log already, imported or clicked in a session.</summary>
    public bool Contains(long queryId) => _imported.ContainsKey(queryId) || _ownedBySessions.Contains(queryId);

    /// <summary>
    /// The clicks of <paramref name="clicks"/> (all of one query's selections, as the site lists them
    /// now) that the log lacks, which are from then on counted as in it.
    /// </summary>
    public List<AuditEntry> Add(long queryId, IEnumerable<AuditEntry> clicks)
    {
        if (_ownedBySessions.Contains(queryId)) return [];
        if (!_imported.TryGetValue(queryId, out var inLog)) _imported[queryId] = inLog = [];
        var missing = new List<AuditEntry>();
        foreach (var group in clicks.GroupBy(ClickKey.Of))
        {
            var logged = inLog.TryGetValue(group.Key, out var count) ? count : 0;
            missing.AddRange(group.Skip(logged));
            inLog[group.Key] = Math.Max(logged, group.Count());
        }
        return missing;
    }

    private void Note(long queryId, AuditEntry entry)
    {
        if (entry.SessionId != ExpertAuditEntries.SessionIdOf(queryId))
        {
            _ownedBySessions.Add(queryId);
            return;
        }
        if (!_imported.TryGetValue(queryId, out var inLog)) _imported[queryId] = inLog = [];
        if (entry.Event != AuditEvent.Click) return;
        var key = ClickKey.Of(entry);
        inLog[key] = (inLog.TryGetValue(key, out var count) ? count : 0) + 1;
    }

    // The log keeps times to the millisecond; the site gives selections to the second.
    private readonly record struct ClickKey(string? PageId, int? Position, long Millisecond)
    {
        public static ClickKey Of(AuditEntry click) =>
            new(click.SnippetId, click.RankPosition, click.Timestamp.UtcTicks / TimeSpan.TicksPerMillisecond);
    }
}
