namespace CXoneRanking.Learning;

/// <summary>One submitted ranking: when, which snippets (as <see cref="SnippetTable"/> indexes), and which were clicked.</summary>
internal sealed class ShownRanking(long ticks, long sequence, int[] snippets)
{
    private bool[]? _clicked;

    public static readonly Comparison<ShownRanking> ByTime = (a, b) =>
        a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Sequence.CompareTo(b.Sequence);

    public long Ticks { get; } = ticks;
    public long Sequence { get; } = sequence;
    public int[] Snippets { get; } = snippets;

    /// <summary>Marks the impression at <paramref name="index"/> clicked; false when it already was.</summary>
    public bool MarkClicked(int index)
    {
        _clicked ??= new bool[Snippets.Length];
        if (_clicked[index]) return false;
        return _clicked[index] = true;
    }
}
