namespace CXoneRanking.Audit.Tests.BoundedMetrics;

/// <summary>
/// What metrics must remember about imported Expert searches (docs/expert.md#impressions): their
/// sessions, and the snippets clicked in them, whose impressions the search log does not give.
/// An import writes each search before its clicks, so a click's search is known when it is read.
/// </summary>
internal sealed class ReferenceImportedSearches
{
    private readonly HashSet<string> _sessions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknownImpressions = new(StringComparer.Ordinal);

    public int Searches { get; private set; }

    /// <summary>Counts an expert.search entry; returns how many results it showed.</summary>
    public int AddSearch(AuditEntry entry)
    {
        Searches++;
        if (entry.SessionId is { } session) _sessions.Add(session);
        return Math.Max(0, entry.SnippetCount ?? 0);
    }

    public bool IsImported(string session) => _sessions.Contains(session);

    /// <summary>Notes the snippet of a click in an imported search: its impressions are now unknown.</summary>
    public void AddClick(AuditEntry click)
    {
        if (click.SessionId is { } session && click.SnippetId is { } snippet && _sessions.Contains(session))
            _unknownImpressions.Add(snippet);
    }

    public bool ImpressionsKnown(string snippet) => !_unknownImpressions.Contains(snippet);
}
