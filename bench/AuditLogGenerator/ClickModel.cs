namespace CXoneRanking.Bench;

/// <summary>
/// The known position-based click model the generated clicks are drawn from: a snippet at position p is clicked with
/// probability Examination[p] x Attractiveness(snippet), independently (the model bench/WhatIf.Bench.ps1 uses).
/// </summary>
internal static class ClickModel
{
    public static readonly double[] Examination = [1.0, 0.62, 0.45, 0.35, 0.28, 0.23, 0.19, 0.16, 0.14, 0.12];

    /// <summary>0.05 to 0.29 by the snippet's number (KB-n) modulo 7.</summary>
    public static double Attractiveness(int snippetNumber) => 0.05 + snippetNumber % 7 * 0.04;

    public static double Probability(int position, int snippetNumber) =>
        (position <= Examination.Length ? Examination[position - 1] : 0.1) * Attractiveness(snippetNumber);
}
