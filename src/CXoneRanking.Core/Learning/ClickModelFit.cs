namespace CXoneRanking.Learning;

/// <summary>
/// What <see cref="PositionBasedClickModel"/> learned. The model only fixes the products
/// theta_k x gamma_i, so the scale is pinned here: position 1 counts as always examined
/// (theta_1 = 1). Examination is then relative to position 1, and a snippet's relevance is its
/// click-through rate had it always been shown first.
/// </summary>
public sealed class ClickModelFit
{
    private readonly ClickLogObservations _observations;
    private readonly double[] _relevance;
    private readonly double[] _examination;

    private ClickModelFit(ClickLogObservations observations, ClickCells cells, double[] examination, double[] relevance, int iterations, bool converged)
    {
        _observations = observations;
        _examination = examination;
        _relevance = relevance;
        Iterations = iterations;
        Converged = converged;
        Examination = examination.Select((e, k) => new PositionExamination(
            k + 1, cells.ImpressionsByPosition[k], cells.ClicksByPosition[k], e)).Where(p => p.Impressions > 0).ToList();
    }

    /// <summary>The examination curve: one entry per position that had impressions.</summary>
    public IReadOnlyList<PositionExamination> Examination { get; }

    /// <summary>EM iterations run.</summary>
    public int Iterations { get; }

    /// <summary>False when EM stopped at its iteration cap before the estimates settled.</summary>
    public bool Converged { get; }

    internal ClickLogObservations Observations => _observations;
    internal int SnippetCount => _relevance.Length;
    internal double RelevanceOf(int snippet) => _relevance[snippet];

    /// <summary>How many times the snippet was expected to be looked at: impressions weighted by examination.</summary>
    internal double ExaminedImpressionsOf(int snippet)
    {
        var tally = _observations.Snippets.Tally(snippet);
        var examined = 0.0;
        for (var k = 1; k <= tally.MaxPosition; k++) examined += tally.ImpressionsAt(k) * Math.Min(1.0, _examination[k - 1]);
        return examined;
    }

    /// <summary>The relevance the model estimates for <paramref name="snippetId"/>, or null when it was never shown.</summary>
    public double? RelevanceOf(string snippetId)
    {
        var index = _observations.Snippets.Find(snippetId);
        return index >= 0 && _observations.Snippets.Tally(index).Impressions > 0 ? _relevance[index] : null;
    }

    internal static ClickModelFit Normalized(ClickLogObservations observations, ClickCells cells, double[] theta, double[] gamma, int iterations, bool converged)
    {
        // theta_k x gamma_i is what the data fix; rescaling both keeps every product, so every likelihood.
        var scale = cells.ImpressionsByPosition.Length > 0 && cells.ImpressionsByPosition[0] > 0 ? theta[0] : 1.0;
        var examination = theta.Select(t => t / scale).ToArray();
        var relevance = gamma.Select(g => Math.Min(1.0, g * scale)).ToArray();
        return new ClickModelFit(observations, cells, examination, relevance, iterations, converged);
    }
}
