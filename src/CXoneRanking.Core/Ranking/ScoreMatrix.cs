namespace CXoneRanking.Ranking;

/// <summary>
/// Step 1 of the ranking rules (docs/design.md#score-matrix): several signal scores per snippet, weighted into one relevance
/// score r = sum(w_i x s_i). Weights are positive and sum to 1, so r stays in [0, 1].
/// </summary>
public sealed class ScoreMatrix
{
    private const double SumTolerance = 1e-6;

    private ScoreMatrix(IReadOnlyList<KeyValuePair<string, double>> weights) => Weights = weights;

    /// <summary>Signal (input column) names and their weights, in name order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Weights { get; }

    /// <summary>A matrix from column weights, or null with the reason the weights are unusable.</summary>
    public static ScoreMatrix? Create(IEnumerable<KeyValuePair<string, object?>> weights, out string problem)
    {
        problem = string.Empty;
        var read = new List<KeyValuePair<string, double>>();
        foreach (var weight in weights)
        {
            if (string.IsNullOrWhiteSpace(weight.Key))
            {
                problem = "a signal name is empty";
                return null;
            }
            if (!InvariantNumber.TryRead(weight.Value, out var w, out var why) || w <= 0)
            {
                problem = $"the weight of signal '{weight.Key}' must be a number greater than 0 ({(why.Length > 0 ? why : ScoreFormat.Raw(w))})";
                return null;
            }
            read.Add(new(weight.Key, w));
        }
        if (read.Count == 0)
        {
            problem = "no signals were given";
            return null;
        }
        var sum = read.Sum(w => w.Value);
        if (Math.Abs(sum - 1.0) > SumTolerance)
        {
            problem = $"signal weights must sum to 1, but {string.Join(" + ", read.Select(w => ScoreFormat.Number(w.Value)))} "
                + $"= {ScoreFormat.Number(sum)}";
            return null;
        }
        return new ScoreMatrix(read.OrderBy(w => w.Key, StringComparer.OrdinalIgnoreCase).ToList());
    }

    public bool HasSignal(string column) =>
        Weights.Any(w => string.Equals(w.Key, column, StringComparison.OrdinalIgnoreCase));

    /// <summary>r from the signals read off a row; the sum can exceed 1 by rounding noise only.</summary>
    public static double Combine(IReadOnlyList<WeightedSignal> signals) =>
        Math.Min(1.0, Math.Max(0.0, signals.Sum(s => s.Score * s.Weight)));
}
