namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// The position-based click model the seeded history is drawn from: a searcher examines the result
/// at position k (1-based) with probability <see cref="Examination"/>[k-1], and selects an examined
/// result with probability equal to its rank. Each of the first ten results is selected
/// independently with probability examination × rank; results past ten are never selected.
/// Published here so tests and rehearsals know exactly what a learner should recover.
/// </summary>
internal static class ClickModel
{
    public static IReadOnlyList<double> Examination { get; } = [0.95, 0.7, 0.5, 0.38, 0.3, 0.24, 0.19, 0.15, 0.12, 0.1];

    public static double SelectProbability(int position, double rank) =>
        position >= 1 && position <= Examination.Count ? Examination[position - 1] * rank : 0;
}
