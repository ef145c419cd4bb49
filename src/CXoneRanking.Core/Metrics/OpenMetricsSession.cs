namespace CXoneRanking.Metrics;

/// <summary>
/// What the metrics keep of one session until the session horizon closes it: its showings (successful rankings and
/// imported searches, in write order) and its clicks, compactly; closed, they are matched by the ranking-in-force
/// rule (<see cref="Audit.RankingsInForce{T}"/>) and added to a <see cref="MetricsTally"/>, and the session is forgotten.
/// </summary>
internal sealed class OpenMetricsSession
{
    private readonly List<Shown> _shown = [];
    private readonly List<Clicked> _clicks = [];

    /// <summary>The day number of the file of the session's latest entry.</summary>
    public int LastDay { get; set; }

    /// <summary>True once an imported Expert search of this session was read: a snippet clicked in it has unknown impressions.</summary>
    public bool Imported { get; set; }

    /// <summary>A ranking shown (its snippets; null for an imported search) under its re-send key (null: never a re-send).</summary>
    public void AddShowing(long ticks, string? key, string[]? snippets, int length) =>
        _shown.Add(new Shown(ticks, _shown.Count, key, snippets, length));

    public void AddClick(long ticks, string? snippetId, int? rankPosition) => _clicks.Add(new Clicked(ticks, snippetId, rankPosition));

    /// <summary>The showings as added: time (UTC ticks), re-send key, snippets (null for an imported search), length.</summary>
    public IEnumerable<(long Ticks, string? Key, string[]? Snippets, int Length)> Showings =>
        _shown.OrderBy(s => s.Sequence).Select(s => (s.Ticks, s.Key, s.Snippets, s.Length));

    /// <summary>The clicks as added: time (UTC ticks), snippet, position as given.</summary>
    public IEnumerable<(long Ticks, string? SnippetId, int? RankPosition)> Clicks => _clicks.Select(c => (c.Ticks, c.SnippetId, c.RankPosition));

    /// <summary>Matches the clicks to the showings in force and adds the session's figures to <paramref name="tally"/>.</summary>
    public void CloseInto(MetricsTally tally)
    {
        var showings = Distinct();
        foreach (var click in _clicks)
        {
            if (InForceAt(showings, click.Ticks) is { } showing)
                showing.Add(new DateTimeOffset(click.Ticks, TimeSpan.Zero), click.SnippetId, click.RankPosition);
            else tally.ClicksWithoutRanking++;
        }
        foreach (var (_, showing) in showings)
        {
            tally.Impressions += showing.Length;
            tally.ClickedImpressions += showing.ClickedImpressions;
            tally.ClicksNotShown += showing.NotShown;
            for (var p = 1; p <= showing.Length; p++) MetricsTally.Pair(tally.Positions, p)[0]++;
            foreach (var snippet in showing.Snippets ?? []) MetricsTally.Pair(tally.Snippets, snippet)[0]++;
            foreach (var p in showing.ClickedPositions) MetricsTally.Pair(tally.Positions, p)[1]++;
            foreach (var snippet in showing.ClickedSnippets) MetricsTally.Pair(tally.Snippets, snippet)[1]++;
            if (showing.Imported && showing.Length == 0) continue;   // a search that showed nothing has no rank to reciprocate
            tally.ReciprocalRanks++;
            if (showing.FirstPosition is { } first) MetricsTally.Add(tally.FirstClickPositions, first);
        }
    }

    // In time order (ties by write order), a re-send of the ranking in force dropped: RankingsInForce's rule.
    private List<(long Ticks, MetricsShowing Showing)> Distinct()
    {
        _shown.Sort(static (a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Sequence.CompareTo(b.Sequence));
        var distinct = new List<(long, MetricsShowing)>(_shown.Count);
        string? previous = null;
        for (var i = 0; i < _shown.Count; i++)
        {
            var shown = _shown[i];
            var repeat = i > 0 && shown.Key is not null && string.Equals(shown.Key, previous, StringComparison.Ordinal);
            previous = shown.Key;
            if (!repeat) distinct.Add((shown.Ticks, new MetricsShowing(shown.Snippets, shown.Length)));
        }
        return distinct;
    }

    private static MetricsShowing? InForceAt(List<(long Ticks, MetricsShowing Showing)> showings, long ticks)
    {
        int low = 0, high = showings.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            if (showings[middle].Ticks <= ticks)
            {
                found = middle;
                low = middle + 1;
            }
            else high = middle - 1;
        }
        return found < 0 ? null : showings[found].Showing;
    }

    private readonly record struct Shown(long Ticks, int Sequence, string? Key, string[]? Snippets, int Length);

    private readonly record struct Clicked(long Ticks, string? SnippetId, int? RankPosition);
}
