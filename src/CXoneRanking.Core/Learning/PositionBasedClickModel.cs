namespace CXoneRanking.Learning;

/// <summary>
/// The position-based click model fitted by expectation-maximization (Wang et al., WSDM 2018):
/// P(click | snippet i at position k) = theta_k x gamma_i, where theta_k is the chance an agent
/// looks at position k (examination) and gamma_i the chance the snippet is clicked once looked at
/// (relevance). A click means both happened; a non-click could be either's absence, and the
/// E-step splits it by the current estimates. Works on the counts per (snippet, position), so an
/// iteration costs one pass over those cells, however many impressions the log holds.
/// </summary>
public static class PositionBasedClickModel
{
    public const int DefaultMaxIterations = 2000;
    public const double DefaultTolerance = 1e-7;

    // Keeps 1 - theta x gamma away from zero (a 0/0 posterior) and lets a parameter that the data
    // push to 0 climb back if other cells disagree.
    private const double Floor = 1e-6;

    public static ClickModelFit Fit(ClickLogObservations observations, int maxIterations = DefaultMaxIterations, double tolerance = DefaultTolerance)
    {
        if (maxIterations < 1) throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "At least one iteration.");
        var cells = ClickCells.From(observations.Snippets);
        var theta = cells.InitialExamination();
        var gamma = cells.InitialRelevance(theta);
        var thetaNumerator = new double[theta.Length];
        var gammaNumerator = new double[gamma.Length];
        var iterations = 0;
        var converged = false;
        while (!converged && iterations < maxIterations)
        {
            iterations++;
            Array.Clear(thetaNumerator, 0, thetaNumerator.Length);
            Array.Clear(gammaNumerator, 0, gammaNumerator.Length);
            foreach (var cell in cells.All)
            {
                // E-step for the cell's non-clicks: P(examined | no click) and P(relevant | no click).
                double t = theta[cell.Position - 1], g = gamma[cell.Snippet];
                var noClick = Math.Max(1.0 - t * g, Floor);
                var nonClicks = cell.Impressions - cell.Clicks;
                thetaNumerator[cell.Position - 1] += cell.Clicks + nonClicks * t * (1.0 - g) / noClick;
                gammaNumerator[cell.Snippet] += cell.Clicks + nonClicks * (1.0 - t) * g / noClick;
            }
            // M-step: each parameter is the expected share of its impressions where it held.
            var change = Update(theta, thetaNumerator, cells.ImpressionsByPosition);
            change = Math.Max(change, Update(gamma, gammaNumerator, cells.ImpressionsBySnippet));
            converged = change < tolerance;
        }
        return ClickModelFit.Normalized(observations, cells, theta, gamma, iterations, converged);
    }

    private static double Update(double[] parameters, double[] numerators, long[] impressions)
    {
        var change = 0.0;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (impressions[i] == 0) continue;
            var next = Math.Min(1.0 - Floor, Math.Max(Floor, numerators[i] / impressions[i]));
            change = Math.Max(change, Math.Abs(next - parameters[i]));
            parameters[i] = next;
        }
        return change;
    }
}
