using System.Text;

namespace CXoneRanking.Ranking;

/// <summary>A snippet on its way through the engine: the numbers so far and how they came to be.</summary>
internal sealed class ScoredSnippet(SnippetRank rank)
{
    private readonly List<string> _boostTerms = [$"boost {ScoreFormat.Number(rank.BoostFactor)}"];
    private string _prefix = Signals(rank);
    private string _suffix = string.Empty;

    public string SnippetId => rank.SnippetId;
    public IReadOnlyDictionary<string, string> Metadata => rank.Metadata;
    public double Relevance { get; private set; } = rank.RelevanceScore;
    public double Boost { get; private set; } = rank.BoostFactor;
    public double Final { get; private set; } = rank.RelevanceScore * rank.BoostFactor;

    /// <summary>Best first; equal scores in snippet id order, so any input order ranks the same.</summary>
    public static int RankOrder(ScoredSnippet a, ScoredSnippet b)
    {
        var byScore = b.Final.CompareTo(a.Final);
        return byScore != 0 ? byScore : string.CompareOrdinal(a.SnippetId, b.SnippetId);
    }

    public void Normalize(double min, double max)
    {
        var scaled = max > min ? (Relevance - min) / (max - min) : 1.0;
        _prefix += $"normalized {ScoreFormat.Number(Relevance)} -> {ScoreFormat.Number(scaled)}; ";
        Relevance = scaled;
        Final = Relevance * Boost;
    }

    public void ApplyRule(BoostDirective rule)
    {
        Boost *= rule.Factor;
        _boostTerms.Add(rule.ToString());
        Final = Relevance * Boost;
    }

    /// <summary>Keeps the total boost within the wire's (0, 10]; true when it had to.</summary>
    public bool CapBoost()
    {
        if (Boost <= BoostDirective.MaxFactor) return false;
        _boostTerms.Add($"capped at {ScoreFormat.Number(BoostDirective.MaxFactor)}");
        Boost = BoostDirective.MaxFactor;
        Final = Relevance * Boost;
        return true;
    }

    public void Rescale(double largest)
    {
        Final /= largest;
        _suffix = $"; rescaled /{ScoreFormat.Number(largest)} = {ScoreFormat.Number(Final)}";
    }

    public void Clamp()
    {
        Final = 1.0;
        _suffix = "; clamped = 1.0";
    }

    public string Explanation =>
        $"{_prefix}{ScoreFormat.Number(Relevance)} x {string.Join(" x ", _boostTerms)} = {ScoreFormat.Number(Relevance * Boost)}{_suffix}";

    public RankedSnippet ToRanked(int position) => new()
    {
        Position = position,
        SnippetId = SnippetId,
        Score = Math.Round(Final, 4, MidpointRounding.AwayFromZero),
        RelevanceScore = rank.RelevanceScore,
        BoostFactor = WireBoost(Boost),
        Metadata = new Dictionary<string, string>(rank.Metadata, StringComparer.OrdinalIgnoreCase),
        Explanation = Explanation,
    };

    // Products such as 1.1 x 1.2 carry binary noise (1.3200000000000003); six decimals read well
    // and stay exact enough, but never round a tiny legal factor down to an illegal 0.
    private static double WireBoost(double boost) => Math.Round(boost, 6) is > 0 and var rounded ? rounded : boost;

    private static string Signals(SnippetRank rank)
    {
        if (rank.Signals is not { Count: > 0 } signals) return string.Empty;
        var terms = new StringBuilder("(");
        terms.Append(string.Join(" + ", signals.Select(s => s.ToString())));
        return terms.Append(") = ").Append(ScoreFormat.Number(rank.RelevanceScore)).Append("; ").ToString();
    }
}
