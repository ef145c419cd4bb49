namespace CXoneRanking;

/// <summary>One column of the score matrix: a signal's score and the weight it carries.</summary>
public sealed class WeightedSignal(string name, double score, double weight)
{
    public string Name { get; } = name;
    public double Score { get; } = score;
    public double Weight { get; } = weight;

    public override string ToString() =>
        $"{Name} {ScoreFormat.Number(Score)} x {ScoreFormat.Number(Weight)}";
}
