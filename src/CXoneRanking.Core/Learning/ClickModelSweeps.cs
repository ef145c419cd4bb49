namespace CXoneRanking.Learning;

/// <summary>
/// The EM iterations of <see cref="PositionBasedClickModel"/> on weighted cells, from any start:
/// the log's fit starts from raw click-through, a bootstrap resample from the log's fit (a warm
/// start, so a resample costs a few sweeps rather than a fit from scratch). The reference position's
/// examination stays where the start put it (1); only connected parameters (<see cref="ComparableCells"/>) move.
/// </summary>
internal sealed class ClickModelSweeps(WeightedClickCells cells, int reference, ComparableCells comparable, double? pseudoCount = null)
{
    private readonly double[] _thetaHits = new double[cells.ImpressionsByPosition.Length];
    private readonly double[] _gammaHits = new double[cells.ImpressionsBySnippet.Length];

    /// <summary>Runs EM on <paramref name="theta"/> and <paramref name="gamma"/> in place: the iterations run, and whether they settled.</summary>
    public (int Iterations, bool Converged) Run(double[] theta, double[] gamma, int maxIterations, double tolerance,
        CancellationToken cancellationToken = default)
    {
        var iterations = 0;
        var converged = false;
        while (!converged && iterations < maxIterations)
        {
            if ((iterations & 63) == 63) cancellationToken.ThrowIfCancellationRequested();
            iterations++;
            converged = Sweep(theta, gamma) < tolerance;
        }
        return (iterations, converged);
    }

    /// <summary>One EM iteration in place; returns the largest change of a parameter.</summary>
    public double Sweep(double[] theta, double[] gamma)
    {
        int[] snippetOf = cells.Snippet, positionOf = cells.Position;
        double[] impressions = cells.Impressions, clicks = cells.Clicks;
        Array.Clear(_thetaHits, 0, _thetaHits.Length);
        Array.Clear(_gammaHits, 0, _gammaHits.Length);
        for (var c = 0; c < snippetOf.Length; c++)
        {
            // E-step for the cell's non-clicks: P(examined | no click) and P(relevant | no click).
            // The prior keeps gamma below 1, so 1 - theta x gamma is positive even at the reference.
            int position = positionOf[c] - 1, snippet = snippetOf[c];
            double t = theta[position], g = gamma[snippet];
            var noClick = 1.0 - t * g;
            var nonClicks = impressions[c] - clicks[c];
            _thetaHits[position] += clicks[c] + nonClicks * t * (1.0 - g) / noClick;
            _gammaHits[snippet] += clicks[c] + nonClicks * (1.0 - t) * g / noClick;
        }
        // M-step: each parameter is the posterior mode of its share of impressions where it held.
        var change = 0.0;
        for (var k = 1; k <= theta.Length; k++)
        {
            if (k != reference && comparable.HasPosition(k))
                change = Math.Max(change, Update(theta, k - 1, _thetaHits, cells.ImpressionsByPosition, pseudoCount));
        }
        for (var i = 0; i < gamma.Length; i++)
            if (comparable.HasSnippet(i)) change = Math.Max(change, Update(gamma, i, _gammaHits, cells.ImpressionsBySnippet, pseudoCount));
        return change;
    }

    private static double Update(double[] parameters, int index, double[] hits, double[] impressions, double? pseudoCount = null)
    {
        // A resample can leave a parameter without a single impression: it keeps its start, not the prior's 1/2.
        if (impressions[index] <= 0) return 0.0;
        var next = pseudoCount is { } pseudo ? ClickModelPrior.Mode(hits[index], impressions[index], pseudo)
            : ClickModelPrior.Mode(hits[index], impressions[index]);
        var change = Math.Abs(next - parameters[index]);
        parameters[index] = next;
        return change;
    }
}
