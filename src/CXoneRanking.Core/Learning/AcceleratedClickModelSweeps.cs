namespace CXoneRanking.Learning;

/// <summary>
/// EM for the click model accelerated by SQUAREM (Varadhan and Roland, Scandinavian Journal of Statistics 2008,
/// scheme S3): two EM sweeps give the step r and its change v, the parameters jump along them by a length set from
/// |r| / |v|, and a third sweep from the jump keeps EM's stability. Plain EM creeps along the direction where
/// examination and attractiveness trade off against each other (hundreds of sweeps on a large log); the jump covers
/// it in a few. It converges to the same point as <see cref="ClickModelSweeps.Run"/>: a fixed point of the sweep.
/// Used by the bootstrap of Measure-RankingChange; the fit of Get-SnippetBoostSuggestion keeps plain EM.
/// </summary>
internal sealed class AcceleratedClickModelSweeps(ClickModelSweeps sweeps, int positions, int snippets)
{
    // A jump may not push a probability to 0 or 1, where the E-step divides by 1 - theta x gamma.
    private const double Margin = 1e-6;

    private readonly double[] _start = new double[positions + snippets];
    private readonly double[] _step = new double[positions + snippets];
    private readonly double[] _curvature = new double[positions + snippets];

    /// <summary>Runs to <paramref name="tolerance"/> in place: the EM sweeps spent, and whether the parameters settled.</summary>
    public (int Sweeps, bool Converged) Run(double[] theta, double[] gamma, int maxSweeps, double tolerance, CancellationToken cancellationToken)
    {
        var spent = 0;
        while (spent + 3 <= maxSweeps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Save(theta, gamma, _start);
            spent++;
            if (sweeps.Sweep(theta, gamma) < tolerance) return (spent, true);
            Difference(theta, gamma, _start, _step);
            Save(theta, gamma, _curvature);
            spent++;
            sweeps.Sweep(theta, gamma);
            double stepNorm = 0, curvatureNorm = 0;
            for (var j = 0; j < _step.Length; j++)
            {
                _curvature[j] = Value(theta, gamma, j) - _curvature[j] - _step[j];
                stepNorm += _step[j] * _step[j];
                curvatureNorm += _curvature[j] * _curvature[j];
            }
            if (curvatureNorm > 0)
            {
                // alpha <= -1; alpha = -1 is the two plain sweeps just made.
                var alpha = Math.Min(-1.0, -Math.Sqrt(stepNorm / curvatureNorm));
                for (var j = 0; j < _step.Length; j++)
                    Set(theta, gamma, j, Clamp(_start[j] - 2 * alpha * _step[j] + alpha * alpha * _curvature[j], _start[j]));
            }
            spent++;
            if (sweeps.Sweep(theta, gamma) < tolerance) return (spent, true);
        }
        return (spent, false);
    }

    private void Save(double[] theta, double[] gamma, double[] into)
    {
        Array.Copy(theta, 0, into, 0, positions);
        Array.Copy(gamma, 0, into, positions, snippets);
    }

    private void Difference(double[] theta, double[] gamma, double[] from, double[] into)
    {
        for (var j = 0; j < into.Length; j++) into[j] = Value(theta, gamma, j) - from[j];
    }

    private double Value(double[] theta, double[] gamma, int j) => j < positions ? theta[j] : gamma[j - positions];

    private void Set(double[] theta, double[] gamma, int j, double value)
    {
        if (j < positions) theta[j] = value;
        else gamma[j - positions] = value;
    }

    // A parameter EM never moves (the reference, one outside the fit) has no step, so it stays exactly where it was.
    private static double Clamp(double value, double start) =>
        value == start ? start : Math.Min(1.0 - Margin, Math.Max(Margin, value));
}
