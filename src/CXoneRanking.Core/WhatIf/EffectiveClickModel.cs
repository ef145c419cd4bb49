using CXoneRanking.Learning;

namespace CXoneRanking.WhatIf;

/// <summary>
/// The fitted click model extended to every position and snippet a list can hold. The log cannot estimate a
/// snippet it never showed, or one not connected to the reference position: such a snippet takes the mean
/// attractiveness of the fitted snippets (impression-weighted), and its impressions count against Coverage.
/// A position the log never showed (a wider proposed window) takes the examination of the nearest fitted
/// position above it (below, when there is none above), and counts against Coverage too.
/// </summary>
internal sealed class EffectiveClickModel
{
    private readonly ComparableCells _comparable;
    private readonly int _fittedPositions;

    public EffectiveClickModel(ComparableCells comparable, int fittedPositions, int maxLength, int snippets)
    {
        _comparable = comparable;
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
        double weighted = 0, total = 0;
        for (var i = 0; i < gamma.Length; i++)
        {
            if (!_comparable.HasSnippet(i)) continue;
            weighted += impressionsBySnippet[i] * gamma[i];
            total += impressionsBySnippet[i];
        }
        var fallback = total > 0 ? weighted / total : ClickModelPrior.Mode(0, 0);
        for (var i = 0; i < gamma.Length; i++) Attractiveness[i] = _comparable.HasSnippet(i) ? gamma[i] : fallback;
        for (var k = 0; k < Examination.Length; k++) Examination[k] = ExaminationAt(theta, k);
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
