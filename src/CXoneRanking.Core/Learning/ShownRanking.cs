namespace CXoneRanking.Learning;

/// <summary>One distinct ranking in force: which snippets (as <see cref="SnippetTable"/> indexes), and which were clicked.</summary>
internal sealed class ShownRanking(int[] snippets)
{
    private bool[]? _clicked;

    public int[] Snippets { get; } = snippets;

    /// <summary>Marks the impression at <paramref name="index"/> clicked; false when it already was.</summary>
    public bool MarkClicked(int index)
    {
        _clicked ??= new bool[Snippets.Length];
        if (_clicked[index]) return false;
        return _clicked[index] = true;
    }
}
