namespace CXoneRanking.Learning;

/// <summary>
/// Snippet ids as small integers, with each snippet's impressions and clicks by position: a year
/// of submissions repeats the same few thousand ids millions of times, and the model works on
/// arrays, not on strings.
/// </summary>
internal sealed class SnippetTable
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly List<PositionTally> _tallies = [];

    public int Count => _ids.Count;

    /// <summary>The largest position any snippet was shown at.</summary>
    public int MaxPosition => _tallies.Count == 0 ? 0 : _tallies.Max(t => t.MaxPosition);

    public int IndexOf(string snippetId)
    {
        if (_index.TryGetValue(snippetId, out var index)) return index;
        index = _ids.Count;
        _index.Add(snippetId, index);
        _ids.Add(snippetId);
        _tallies.Add(new PositionTally());
        return index;
    }

    public string IdOf(int index) => _ids[index];

    /// <summary>The index of a snippet already seen, or -1.</summary>
    public int Find(string snippetId) => _index.TryGetValue(snippetId, out var index) ? index : -1;

    public PositionTally Tally(int index) => _tallies[index];
}
