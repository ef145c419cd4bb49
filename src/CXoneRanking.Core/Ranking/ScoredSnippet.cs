using System.Text;
using CXoneRanking.Ranks;

namespace CXoneRanking.Ranking;

/// <summary>
/// A snippet on its way through the engine: the numbers so far and what was done to them. The
/// explanation is written only when someone reads it: on 100k snippets, formatting every number
/// up front would cost more than the ranking itself. The input stays in the session's list and
/// is read from there, which keeps this object small: one is made for every ranked snippet.
/// </summary>
internal sealed class ScoredSnippet
{
    private readonly IReadOnlyList<RankInput> _inputs;
    private readonly int _index;
    private List<BoostDirective>? _rules;
    private double _normalizedFrom = double.NaN;
    private double _rescaledBy = double.NaN;
    private bool _capped;
    private bool _clamped;

    public ScoredSnippet(IReadOnlyList<RankInput> inputs, int index)
    {
        (_inputs, _index) = (inputs, index);
        var input = inputs[index];
        SnippetId = input.SnippetId;
        Relevance = input.RelevanceScore;
        Boost = input.BoostFactor;
        Final = Relevance * Boost;
    }

    private RankInput Input => _inputs[_index];

    public string SnippetId { get; }
    public StoredMetadata Metadata => Input.Metadata;
    public double Relevance { get; private set; }
    public double Boost { get; private set; }
    public double Final { get; private set; }

    /// <summary>Best first; equal scores in snippet id order, so any input order ranks the same.</summary>
    public static int RankOrder(ScoredSnippet a, ScoredSnippet b)
    {
        var byScore = b.Final.CompareTo(a.Final);
        return byScore != 0 ? byScore : string.CompareOrdinal(a.SnippetId, b.SnippetId);
    }

    public void Normalize(double min, double max)
    {
        _normalizedFrom = Relevance;
        Relevance = max > min ? (Relevance - min) / (max - min) : 1.0;
        Final = Relevance * Boost;
    }

    public void ApplyRule(BoostDirective rule)
    {
        Boost *= rule.Factor;
        (_rules ??= []).Add(rule);
        Final = Relevance * Boost;
    }

    /// <summary>Keeps the total boost within the wire's (0, 10]; true when it had to.</summary>
    public bool CapBoost()
    {
        if (Boost <= BoostDirective.MaxFactor) return false;
        _capped = true;
        Boost = BoostDirective.MaxFactor;
        Final = Relevance * Boost;
        return true;
    }

    public void Rescale(double largest)
    {
        Final /= largest;
        _rescaledBy = largest;
    }

    public void Clamp()
    {
        Final = 1.0;
        _clamped = true;
    }

    /// <summary>E.g. <c>0.92 x boost 1.2 x rule(category=billing) 1.1 = 1.2144; rescaled /1.2144 = 1.0</c>.</summary>
    public string Explanation
    {
        get
        {
            var text = new StringBuilder();
            var rank = Input;
            if (rank.Signals is { Count: > 0 } signals)
                text.Append('(').Append(string.Join(" + ", signals.Select(s => s.ToString()))).Append(") = ")
                    .Append(ScoreFormat.Number(rank.RelevanceScore)).Append("; ");
            if (!double.IsNaN(_normalizedFrom))
                text.Append("normalized ").Append(ScoreFormat.Number(_normalizedFrom))
                    .Append(" -> ").Append(ScoreFormat.Number(Relevance)).Append("; ");
            text.Append(ScoreFormat.Number(Relevance)).Append(" x boost ").Append(ScoreFormat.Number(rank.BoostFactor));
            foreach (var rule in _rules ?? []) text.Append(" x ").Append(rule);
            if (_capped) text.Append(" x capped at ").Append(ScoreFormat.Number(BoostDirective.MaxFactor));
            text.Append(" = ").Append(ScoreFormat.Number(Relevance * Boost));
            if (!double.IsNaN(_rescaledBy))
                text.Append("; rescaled /").Append(ScoreFormat.Number(_rescaledBy)).Append(" = ").Append(ScoreFormat.Number(Final));
            if (_clamped) text.Append("; clamped = 1.0");
            return text.ToString();
        }
    }

    public RankedSnippet ToRanked(int position) => new(this)
    {
        Position = position,
        SnippetId = SnippetId,
        FinalScore = Math.Round(Final, 4, MidpointRounding.AwayFromZero),
        RelevanceScore = Input.RelevanceScore,
        BoostFactor = WireBoost(Boost),
    };

    // Products such as 1.1 x 1.2 carry binary noise (1.3200000000000003); six decimals read well
    // and stay exact enough, but never round a tiny legal factor down to an illegal 0.
    private static double WireBoost(double boost) => Math.Round(boost, 6) is > 0 and var rounded ? rounded : boost;
}
