namespace CXoneRanking.Audit.Tests.BoundedMetrics;

/// <summary>
/// One distinct showing to a session (docs/audit-log.md#metrics): a successful ranking's snippets, or an
/// imported Expert search's result count (its pages unknown), with what was clicked while it was in force.
/// A click on a snippet the ranking did not show, or at a position past its end, is kept apart (not shown).
/// </summary>
internal sealed class ReferenceShowing(IReadOnlyList<string>? snippets, int length)
{
    private readonly HashSet<string> _clickedSnippets = new(StringComparer.Ordinal);
    private readonly HashSet<int> _clickedPositions = [];
    private readonly HashSet<string?> _unplaced = new(StringComparer.Ordinal);
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
        _clickedSnippets.Clear();
        _clickedPositions.Clear();
        _unplaced.Clear();
        _firstAt = DateTimeOffset.MaxValue;
        FirstPosition = null;
        NotShown = 0;
    }

    public void Add(AuditEntry click)
    {
        var position = click.RankPosition is >= 1 and var p ? p : (int?)null;
        if (position > Length || (Snippets is not null && (click.SnippetId is null || !Snippets.Contains(click.SnippetId, StringComparer.Ordinal))))
        {
            NotShown++;
            return;
        }
        if (Snippets is not null) _clickedSnippets.Add(click.SnippetId!);
        if (position is { } at) _clickedPositions.Add(at);
        else _unplaced.Add(click.SnippetId);
        // The showing's first click is its earliest; on a tie, the one read first.
        if (position is null || click.Timestamp >= _firstAt) return;
        _firstAt = click.Timestamp;
        FirstPosition = position;
    }

    /// <summary>Clicked impressions per snippet; none for an imported search (its pages are unknown).</summary>
    public IEnumerable<string> ClickedSnippets => _clickedSnippets;

    /// <summary>Clicked impressions per position (each position of a showing is one impression).</summary>
    public IEnumerable<int> ClickedPositions => _clickedPositions;

    /// <summary>
    /// The showing's clicked impressions: by snippet; for an imported search, by position plus one for each snippet
    /// clicked at no known position (an untracked Expert click), never more than it showed.
    /// </summary>
    public long ClickedImpressions => Imported
        ? Math.Min(Length, _clickedPositions.Count + _unplaced.Count)
        : _clickedSnippets.Count;
}
