namespace CXoneRanking.Learning;

/// <summary>
/// Which positions and snippets can be compared with the reference position. The data fix only
/// the products examination x relevance; a position's examination can be told relative to the
/// reference's only through snippets shown at both (or through a chain of such snippets). So the
/// positions and snippets are the nodes of a graph whose edges are the (snippet, position) cells
/// with impressions, and only the reference's connected component is identifiable. Outside it,
/// any estimate would be the prior's, not the data's: those parameters are not fitted or shown.
/// </summary>
internal sealed class ComparableCells
{
    private readonly bool[] _positions;
    private readonly bool[] _snippets;

    private ComparableCells(bool[] positions, bool[] snippets)
    {
        _positions = positions;
        _snippets = snippets;
    }

    /// <summary>True when the 1-based <paramref name="position"/> is connected to the reference.</summary>
    public bool HasPosition(int position) => _positions[position - 1];

    public bool HasSnippet(int snippet) => _snippets[snippet];

    public bool Has(ClickCell cell) => _snippets[cell.Snippet];

    /// <summary>The reference's component, by a breadth-first walk over the cells.</summary>
    public static ComparableCells Around(ClickCells cells, int reference)
    {
        var positions = new bool[cells.ImpressionsByPosition.Length];
        var snippets = new bool[cells.ImpressionsBySnippet.Length];
        var byPosition = cells.All.GroupBy(c => c.Position).ToDictionary(g => g.Key, g => g.Select(c => c.Snippet).ToList());
        var bySnippet = cells.All.GroupBy(c => c.Snippet).ToDictionary(g => g.Key, g => g.Select(c => c.Position).ToList());
        var queue = new Queue<int>();
        positions[reference - 1] = true;
        queue.Enqueue(reference);
        while (queue.Count > 0)
        {
            var position = queue.Dequeue();
            if (!byPosition.TryGetValue(position, out var shown)) continue;
            foreach (var snippet in shown.Where(s => !snippets[s]))
            {
                snippets[snippet] = true;
                foreach (var other in bySnippet[snippet].Where(p => !positions[p - 1]))
                {
                    positions[other - 1] = true;
                    queue.Enqueue(other);
                }
            }
        }
        return new ComparableCells(positions, snippets);
    }
}
