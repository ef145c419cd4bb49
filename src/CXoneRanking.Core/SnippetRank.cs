namespace CXoneRanking;

/// <summary>One knowledge snippet's input to a session's ranking: what New-SnippetRank emits.</summary>
public sealed class SnippetRank
{
    private Dictionary<string, string> _metadata = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The agent session the snippet is ranked for.</summary>
    public string? SessionId { get; set; }

    /// <summary>The knowledge snippet's id: non-empty, at most 128 characters, no control characters.</summary>
    public string SnippetId { get; set; } = string.Empty;

    /// <summary>The relevance score r, in [0, 1].</summary>
    public double RelevanceScore { get; set; }

    /// <summary>The snippet's own boost factor b, in (0, 10].</summary>
    public double BoostFactor { get; set; } = 1.0;

    /// <summary>String metadata that boost directives match; keys compare case-insensitively.</summary>
    public Dictionary<string, string> Metadata
    {
        get => _metadata;
        // Copied so that a caller's dictionary (or one with another comparer) never aliases ours.
        set => _metadata = value is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The weighted signals the relevance score came from (score matrix), if any.</summary>
    public IReadOnlyList<WeightedSignal>? Signals { get; set; }

    public override string ToString() =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "{0}/{1} r={2} b={3}", SessionId, SnippetId, RelevanceScore, BoostFactor);
}
