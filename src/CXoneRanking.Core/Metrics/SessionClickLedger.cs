namespace CXoneRanking.Metrics;

/// <summary>
/// What one session was shown and clicked within the range, kept until the whole log is read
/// (a back-dated click, or a second writer's clock, may put a click before its ranking in file
/// order). Rankings are matched by snippet; imported Expert searches, whose snippets are unknown,
/// by position (docs/audit-log.md#metrics).
/// </summary>
internal sealed class SessionClickLedger
{
    private readonly List<string> _shownSnippets = [];
    private readonly List<int> _shownLengths = [];
    private readonly List<(string? Snippet, int? Position)> _clicks = [];

    /// <summary>True once a successful ranking or an imported search of the session was counted.</summary>
    public bool Shown { get; private set; }

    /// <summary>True when an imported Expert search (snippets unknown) was among what the session was shown.</summary>
    public bool Imported { get; private set; }

    public long ClickCount => _clicks.Count;

    public void AddRanking(IReadOnlyList<string> snippets)
    {
        Shown = true;
        _shownSnippets.AddRange(snippets);
        _shownLengths.Add(snippets.Count);
    }

    public void AddImportedSearch(int shownCount)
    {
        Shown = Imported = true;
        _shownLengths.Add(shownCount);
    }

    public void AddClick(string? snippet, int? position) => _clicks.Add((snippet, position is >= 1 ? position : null));

    /// <summary>Clicked impressions per snippet; empty for a session with an imported search (its snippets are unknown).</summary>
    public Dictionary<string, long> BySnippet() => Imported ? [] : ClickedImpressions.PerKey(
        ClickedImpressions.Count(_shownSnippets, StringComparer.Ordinal),
        ClickedImpressions.Count(_clicks.Where(c => c.Snippet is not null).Select(c => c.Snippet!), StringComparer.Ordinal));

    /// <summary>Clicked impressions per position: position p is shown by every ranking at least p long.</summary>
    public Dictionary<int, long> ByPosition()
    {
        var clicks = ClickedImpressions.Count(_clicks.Where(c => c.Position is not null).Select(c => c.Position!.Value));
        var shown = clicks.Keys.ToDictionary(p => p, p => (long)_shownLengths.Count(length => length >= p));
        return ClickedImpressions.PerKey(shown, clicks);
    }

    /// <summary>
    /// The session's clicked impressions: by snippet; or, when an imported search is involved, by position, plus one
    /// for each snippet clicked at no known position (an untracked Expert click), never more than the session was shown.
    /// </summary>
    public long Total()
    {
        if (!Imported) return BySnippet().Values.Sum();
        var unplaced = _clicks.Where(c => c.Position is null).Select(c => c.Snippet).Distinct(StringComparer.Ordinal).LongCount();
        return Math.Min(_shownLengths.Sum(length => (long)length), ByPosition().Values.Sum() + unplaced);
    }
}
