namespace CXoneRanking.Learning;

/// <summary>
/// The position-based click model fitted by expectation-maximization (Wang et al., WSDM 2018):
/// P(click | snippet i at position k) = theta_k x gamma_i, where theta_k is the chance an agent
/// looks at position k (examination) and gamma_i the chance the snippet is clicked once looked at
/// (relevance). A click means both happened; a non-click could be either's absence, and the
/// E-step splits it by the current estimates. The M-step takes the posterior mode under a Beta
/// prior (<see cref="ClickModelPrior"/>), so every estimate stays inside (0, 1) on any log. The
/// scale, which the data do not fix, is pinned by holding the reference position's examination
/// at 1 during the fit, not by dividing afterwards (a division by a position without clicks was
/// what made small logs report examinations in the thousands). Only the parameters connected to
/// the reference (<see cref="ComparableCells"/>) are fitted. Works on the counts per (snippet,
/// position), so an iteration costs one pass over those cells, however many impressions the log holds.
/// </summary>
public static class PositionBasedClickModel
{
    public const int DefaultMaxIterations = 2000;
    public const double DefaultTolerance = 1e-7;

    public static ClickModelFit Fit(ClickLogObservations observations, int maxIterations = DefaultMaxIterations, double tolerance = DefaultTolerance)
    {
        if (maxIterations < 1) throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "At least one iteration.");
        var cells = ClickCells.From(observations.Snippets);
        var reference = cells.ReferencePosition();
        if (reference == 0) return ClickModelFit.WithoutClicks(observations, cells);
        var comparable = ComparableCells.Around(cells, reference);
        var fitted = cells.All.Where(comparable.Has).ToList();
        var theta = cells.InitialExamination(reference);
        var gamma = cells.InitialRelevance(theta);
        var thetaHits = new double[theta.Length];
        var gammaHits = new double[gamma.Length];
        var iterations = 0;
        var converged = false;
        while (!converged && iterations < maxIterations)
        {
            iterations++;
            Array.Clear(thetaHits, 0, thetaHits.Length);
            Array.Clear(gammaHits, 0, gammaHits.Length);
            foreach (var cell in fitted)
            {
                // E-step for the cell's non-clicks: P(examined | no click) and P(relevant | no click).
                // The prior keeps gamma below 1, so 1 - theta x gamma is positive even at the reference.
                double t = theta[cell.Position - 1], g = gamma[cell.Snippet];
                var noClick = 1.0 - t * g;
                var nonClicks = cell.Impressions - cell.Clicks;
                thetaHits[cell.Position - 1] += cell.Clicks + nonClicks * t * (1.0 - g) / noClick;
                gammaHits[cell.Snippet] += cell.Clicks + nonClicks * (1.0 - t) * g / noClick;
            }
            // M-step: each parameter is the posterior mode of its share of impressions where it held.
            var change = 0.0;
            for (var k = 1; k <= theta.Length; k++)
            {
                if (k != reference && comparable.HasPosition(k))
                    change = Math.Max(change, Update(theta, k - 1, thetaHits, cells.ImpressionsByPosition));
            }
            for (var i = 0; i < gamma.Length; i++)
                if (comparable.HasSnippet(i)) change = Math.Max(change, Update(gamma, i, gammaHits, cells.ImpressionsBySnippet));
            converged = change < tolerance;
        }
        return new ClickModelFit(observations, cells, new ClickEvidence(cells, reference, comparable), theta, gamma, iterations, converged);
    }

    private static double Update(double[] parameters, int index, double[] hits, long[] impressions)
    {
        var next = ClickModelPrior.Mode(hits[index], impressions[index]);
        var change = Math.Abs(next - parameters[index]);
        parameters[index] = next;
        return change;
    }
}
