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
        if (FitCells(cells, maxIterations, tolerance) is not { } fitted) return ClickModelFit.WithoutClicks(observations, cells);
        return new ClickModelFit(observations, cells, new ClickEvidence(cells, fitted.Reference, fitted.Comparable),
            fitted.Examination, fitted.Relevance, fitted.Iterations, fitted.Converged);
    }

    /// <summary>The fit on counted cells, shared with Measure-RankingChange; null when the cells hold no click.</summary>
    internal static FittedClickCells? FitCells(ClickCells cells, int maxIterations, double tolerance, CancellationToken cancellationToken = default)
    {
        var reference = cells.ReferencePosition();
        if (reference == 0) return null;
        var comparable = ComparableCells.Around(cells, reference);
        var weighted = WeightedClickCells.From(cells, comparable);
        var theta = cells.InitialExamination(reference);
        var gamma = cells.InitialRelevance(theta);
        var sweeps = new ClickModelSweeps(weighted, reference, comparable);
        var (iterations, converged) = sweeps.Run(theta, gamma, maxIterations, tolerance, cancellationToken);
        return new FittedClickCells(weighted, reference, comparable, theta, gamma, iterations, converged);
    }
}

/// <summary>The fitted parameters on the cells they were fitted on: examination by position, relevance by snippet.</summary>
internal sealed record FittedClickCells(WeightedClickCells Cells, int Reference, ComparableCells Comparable,
    double[] Examination, double[] Relevance, int Iterations, bool Converged);
