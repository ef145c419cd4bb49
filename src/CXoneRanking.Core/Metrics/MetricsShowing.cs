namespace CXoneRanking.Metrics;

/// <summary>
/// One distinct showing to a session (docs/audit-log.md#metrics): a successful ranking's snippets, or an
/// imported Expert search's result count (its pages unknown), with what was clicked while it was in force.
/// A click on a snippet the ranking did not show, or at a position past its end, is kept apart (not shown).
/// </summary>
internal sealed class MetricsShowing(IReadOnlyList<string>? snippets, int length)
{
    // Made on the first click: most showings have none, and the metrics close hundreds of thousands of them.
    private HashSet<string>? _clickedSnippets;
    private HashSet<int>? _clickedPositions;
    private HashSet<string?>? _unplaced;
    private DateTimeOffset _firstAt = DateTimeOffset.MaxValue;

    /// <summary>The ranking's snippets; null for an imported search.</summary>
    public IReadOnlyList<string>? Snippets { get; } = snippets;
    public int Length { get; } = length;
    public bool Imported => Snippets is null;
    public long NotShown { get; private set; }

    /// <summary>The position of the earliest click counted on this showing; null without one.</summary>
    public int? FirstPosition { get; private set; }

    public void Clear()
    {
        _clickedSnippets?.Clear();
        _clickedPositions?.Clear();
        _unplaced?.Clear();
        _firstAt = DateTimeOffset.MaxValue;
        FirstPosition = null;
        NotShown = 0;
    }

    public void Add(AuditEntry click) => Add(click.Timestamp, click.SnippetId, click.RankPosition);

    /// <summary>Counts a click made at <paramref name="at"/> on <paramref name="snippetId"/> at <paramref name="rankPosition"/>.</summary>
    public void Add(DateTimeOffset at, string? snippetId, int? rankPosition)
    {
        var position = rankPosition is >= 1 and var p ? p : (int?)null;
        if (position > Length || (Snippets is not null && (snippetId is null || !Snippets.Contains(snippetId, StringComparer.Ordinal))))
        {
            NotShown++;
            return;
        }
        if (Snippets is not null) (_clickedSnippets ??= new(StringComparer.Ordinal)).Add(snippetId!);
        if (position is { } shownAt) (_clickedPositions ??= []).Add(shownAt);
        else (_unplaced ??= new(StringComparer.Ordinal)).Add(snippetId);
        // The showing's first click is its earliest; on a tie, the one read first.
        if (position is null || at >= _firstAt) return;
        _firstAt = at;
        FirstPosition = position;
    }

    /// <summary>Clicked impressions per snippet; none for an imported search (its pages are unknown).</summary>
    public IEnumerable<string> ClickedSnippets => (IEnumerable<string>?)_clickedSnippets ?? [];

    /// <summary>Clicked impressions per position (each position of a showing is one impression).</summary>
    public IEnumerable<int> ClickedPositions => (IEnumerable<int>?)_clickedPositions ?? [];

    /// <summary>
    /// The showing's clicked impressions: by snippet; for an imported search, by position plus one for each snippet
    /// clicked at no known position (an untracked Expert click), never more than it showed.
    /// </summary>
    public long ClickedImpressions => Imported
        ? Math.Min(Length, (_clickedPositions?.Count ?? 0) + (_unplaced?.Count ?? 0))
        : _clickedSnippets?.Count ?? 0;
}
