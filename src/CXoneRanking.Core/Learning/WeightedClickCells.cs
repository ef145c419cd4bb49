namespace CXoneRanking.Learning;

/// <summary>
/// The (snippet, position) cells EM fits, with impressions and clicks as weights rather than counts:
/// the log's own counts for Get-SnippetBoostSuggestion, and a session bootstrap's resampled weights
/// for Measure-RankingChange (docs/what-if.md). A count converts to a double exactly, so the fit on
/// the log's counts is the fit it always was. Arrays, not objects: a bootstrap refills the same
/// arrays on every resample.
/// </summary>
internal sealed class WeightedClickCells
{
    private WeightedClickCells(int[] snippet, int[] position, int positions, int snippets)
    {
        Snippet = snippet;
        Position = position;
        Impressions = new double[snippet.Length];
        Clicks = new double[snippet.Length];
        ImpressionsByPosition = new double[positions];
        ImpressionsBySnippet = new double[snippets];
    }

    public int Count => Snippet.Length;
    public int[] Snippet { get; }

    /// <summary>1-based, as everywhere in the model.</summary>
    public int[] Position { get; }

    public double[] Impressions { get; }
    public double[] Clicks { get; }
    public double[] ImpressionsByPosition { get; }
    public double[] ImpressionsBySnippet { get; }

    /// <summary>The cells of <paramref name="cells"/> that are fitted (connected to the reference), weighted by their counts.</summary>
    public static WeightedClickCells From(ClickCells cells, ComparableCells comparable)
    {
        var fitted = cells.All.Where(comparable.Has).ToList();
        var weighted = new WeightedClickCells(fitted.Select(c => c.Snippet).ToArray(), fitted.Select(c => c.Position).ToArray(),
            cells.ImpressionsByPosition.Length, cells.ImpressionsBySnippet.Length);
        for (var c = 0; c < fitted.Count; c++)
        {
            weighted.Impressions[c] = fitted[c].Impressions;
            weighted.Clicks[c] = fitted[c].Clicks;
        }
        // A fitted position or snippet is connected through every cell it has, so these are the fitted cells' totals.
        for (var k = 0; k < weighted.ImpressionsByPosition.Length; k++) weighted.ImpressionsByPosition[k] = cells.ImpressionsByPosition[k];
        for (var i = 0; i < weighted.ImpressionsBySnippet.Length; i++) weighted.ImpressionsBySnippet[i] = cells.ImpressionsBySnippet[i];
        return weighted;
    }

    /// <summary>An empty copy with the same cells, for weights filled in by the caller (then <see cref="Total"/>).</summary>
    public WeightedClickCells EmptyCopy() =>
        new(Snippet, Position, ImpressionsByPosition.Length, ImpressionsBySnippet.Length);

    /// <summary>Sums the cells' impressions by position and by snippet, after the caller set <see cref="Impressions"/>.</summary>
    public void Total()
    {
        Array.Clear(ImpressionsByPosition, 0, ImpressionsByPosition.Length);
        Array.Clear(ImpressionsBySnippet, 0, ImpressionsBySnippet.Length);
        for (var c = 0; c < Snippet.Length; c++)
        {
            ImpressionsByPosition[Position[c] - 1] += Impressions[c];
            ImpressionsBySnippet[Snippet[c]] += Impressions[c];
        }
    }
}
