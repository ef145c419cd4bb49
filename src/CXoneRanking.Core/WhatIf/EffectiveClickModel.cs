using CXoneRanking.Learning;

namespace CXoneRanking.WhatIf;

/// <summary>
/// The fitted click model extended to every position and snippet a list can hold. A snippet the fit has no value for
/// (never shown, or not connected to the reference position) takes the mean attractiveness of the estimable snippets
/// (<see cref="EstimableSnippets"/>), weighted by their impressions. A thinly shown snippet keeps its fitted value:
/// the ones the log sees least are the rarely clicked ones, shown low, and the mean would put them far too high (in
/// simulations it did). Either way, their impressions count against Coverage.
/// A position the log never showed (a wider proposed window) takes the examination of the nearest fitted
/// position above it (below, when there is none above), and counts against Coverage too.
/// </summary>
internal sealed class EffectiveClickModel
{
    private readonly ComparableCells _comparable;
    private readonly EstimableSnippets _estimable;
    private readonly int _fittedPositions;

    public EffectiveClickModel(ComparableCells comparable, EstimableSnippets estimable, int fittedPositions, int maxLength, int snippets)
    {
        _comparable = comparable;
        _estimable = estimable;
        _fittedPositions = fittedPositions;
        Examination = new double[Math.Max(maxLength, fittedPositions)];
        Attractiveness = new double[snippets];
    }

    /// <summary>By 0-based position, over the longest list.</summary>
    public double[] Examination { get; }

    /// <summary>By snippet index.</summary>
    public double[] Attractiveness { get; }

    /// <summary>Takes a fit: <paramref name="impressionsBySnippet"/> weighs the fallback mean.</summary>
    public void Update(double[] theta, double[] gamma, double[] impressionsBySnippet)
    {
        var fallback = Mean(gamma, impressionsBySnippet, _estimable.Snippet) ?? Mean(gamma, impressionsBySnippet, _comparable.HasSnippet) ?? 0.5;
        for (var i = 0; i < gamma.Length; i++) Attractiveness[i] = _comparable.HasSnippet(i) ? gamma[i] : fallback;
        for (var k = 0; k < Examination.Length; k++) Examination[k] = ExaminationAt(theta, k);
    }

    private static double? Mean(double[] gamma, double[] impressionsBySnippet, Func<int, bool> include)
    {
        double weighted = 0, total = 0;
        for (var i = 0; i < gamma.Length; i++)
        {
            if (!include(i)) continue;
            weighted += impressionsBySnippet[i] * gamma[i];
            total += impressionsBySnippet[i];
        }
        return total > 0 ? weighted / total : null;
    }

    /// <summary>True when 0-based <paramref name="k"/> has an examination of its own.</summary>
    public bool IsFitted(int k) => k < _fittedPositions && _comparable.HasPosition(k + 1);

    private double ExaminationAt(double[] theta, int k)
    {
        if (IsFitted(k)) return theta[k];
        for (var above = Math.Min(k, _fittedPositions) - 1; above >= 0; above--)
            if (IsFitted(above)) return theta[above];
        for (var below = k + 1; below < _fittedPositions; below++)
            if (IsFitted(below)) return theta[below];
        return 1.0;
    }
}
