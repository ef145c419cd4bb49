using System.Globalization;
using System.Text;

namespace CXoneRanking;

/// <summary>
/// A boost learned from clicks for one snippet: how its position-corrected relevance compares with
/// the other snippets', shrunk toward 1 when the evidence is thin, within the caller's bounds.
/// </summary>
public sealed class BoostSuggestion
{
    internal BoostSuggestion(string snippetId, long impressions, long clicks, double? estimatedRelevance, double factor, double confidence,
        string? note = null)
    {
        SnippetId = snippetId;
        Impressions = impressions;
        Clicks = clicks;
        EstimatedRelevance = estimatedRelevance;
        Factor = factor;
        Confidence = confidence;
        Note = note;
    }

    public string SnippetId { get; }

    /// <summary>How many times successful rankings showed the snippet.</summary>
    public long Impressions { get; }

    /// <summary>Clicks counted on those impressions.</summary>
    public long Clicks { get; }

    /// <summary><see cref="Clicks"/> / <see cref="Impressions"/>, uncorrected: high for snippets that are often on top.</summary>
    public double ClickThroughRate => RankingMetrics.Ratio(Clicks, Impressions);

    /// <summary>
    /// The model's chance that an agent who looks at the snippet clicks it (its click-through rate at
    /// position 1), in [0, 1]; null when the evidence is too thin (<see cref="Note"/> says why), and then
    /// <see cref="Factor"/> is 1.
    /// </summary>
    public double? EstimatedRelevance { get; }

    /// <summary>The suggested boost factor, rounded to two decimals; 1 changes nothing.</summary>
    public double Factor { get; }

    /// <summary>The weight the evidence got against the prior of "no change", in [0, 1).</summary>
    public double Confidence { get; }

    /// <summary>Why <see cref="EstimatedRelevance"/> is null, or what it is relative to when not position 1; null otherwise.</summary>
    public string? Note { get; }

    /// <summary>A directive that applies <see cref="Factor"/> to this snippet alone (wildcards in the id escaped).</summary>
    public BoostDirective ToDirective() => BoostDirective.BoostSnippet(EscapeWildcards(SnippetId), Factor);

    public override string ToString() => EstimatedRelevance is { } relevance
        ? string.Format(CultureInfo.InvariantCulture, "{0} x{1:0.00} (relevance {2:0.000}, confidence {3:0.00})",
            SnippetId, Factor, relevance, Confidence)
        : string.Format(CultureInfo.InvariantCulture, "{0} x{1:0.00} (relevance –: {2})", SnippetId, Factor, Note);

    /// <summary>A backtick before each wildcard character, so the pattern matches the id literally.</summary>
    internal static string EscapeWildcards(string id)
    {
        if (id.IndexOfAny(['*', '?', '[', ']', '`']) < 0) return id;
        var escaped = new StringBuilder(id.Length + 4);
        foreach (var c in id)
        {
            if (c is '*' or '?' or '[' or ']' or '`') escaped.Append('`');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
