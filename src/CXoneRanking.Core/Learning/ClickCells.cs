namespace CXoneRanking.Learning;

/// <summary>
/// The non-empty (snippet, position) cells of the observations as flat arrays, with the totals
/// the M-step divides by, and the starting point of EM.
/// </summary>
internal sealed class ClickCells
{
    private ClickCells(List<ClickCell> cells, long[] byPosition, long[] bySnippet, long[] clicksByPosition, long[] clicksBySnippet)
    {
        All = cells;
        ImpressionsByPosition = byPosition;
        ImpressionsBySnippet = bySnippet;
        ClicksByPosition = clicksByPosition;
        ClicksBySnippet = clicksBySnippet;
    }

    public IReadOnlyList<ClickCell> All { get; }
    public long[] ImpressionsByPosition { get; }
    public long[] ImpressionsBySnippet { get; }
    public long[] ClicksByPosition { get; }
    public long[] ClicksBySnippet { get; }

    public static ClickCells From(SnippetTable snippets)
    {
        var positions = snippets.MaxPosition;
        var cells = new List<ClickCell>();
        long[] byPosition = new long[positions], clicksByPosition = new long[positions];
        long[] bySnippet = new long[snippets.Count], clicksBySnippet = new long[snippets.Count];
        for (var i = 0; i < snippets.Count; i++)
        {
            var tally = snippets.Tally(i);
            for (var k = 1; k <= tally.MaxPosition; k++)
            {
                var shown = tally.ImpressionsAt(k);
                if (shown == 0) continue;
                var clicked = tally.ClicksAt(k);
                cells.Add(new ClickCell(i, k, shown, clicked));
                byPosition[k - 1] += shown;
                clicksByPosition[k - 1] += clicked;
                bySnippet[i] += shown;
                clicksBySnippet[i] += clicked;
            }
        }
        return new ClickCells(cells, byPosition, bySnippet, clicksByPosition, clicksBySnippet);
    }

    /// <summary>
    /// The position examination is measured against: position 1 when it has a click, else the first
    /// position that has one (0 when the log has no click at all). Its examination is pinned to 1.
    /// </summary>
    public int ReferencePosition()
    {
        for (var k = 0; k < ClicksByPosition.Length; k++)
            if (ClicksByPosition[k] > 0) return k + 1;
        return 0;
    }

    /// <summary>Raw click-through by position over the reference's: biased, but the right shape to start from.</summary>
    public double[] InitialExamination(int reference)
    {
        var rates = ImpressionsByPosition.Select((n, k) => n == 0 ? 0.0 : (double)ClicksByPosition[k] / n).ToArray();
        var pinned = rates[reference - 1];
        var start = rates.Select(r => Clamp(r / pinned)).ToArray();
        start[reference - 1] = 1.0;
        return start;
    }

    /// <summary>Clicks over expected examinations (the inverse-propensity estimate) under the starting curve.</summary>
    public double[] InitialRelevance(double[] examination)
    {
        var examined = new double[ImpressionsBySnippet.Length];
        foreach (var cell in All) examined[cell.Snippet] += cell.Impressions * examination[cell.Position - 1];
        return examined.Select((e, i) => Clamp(e > 0 ? ClicksBySnippet[i] / e : 0.5)).ToArray();
    }

    private static double Clamp(double value) => Math.Min(0.99, Math.Max(0.01, value));
}

/// <summary>A snippet's impressions and clicks at one position.</summary>
internal readonly record struct ClickCell(int Snippet, int Position, long Impressions, long Clicks);
