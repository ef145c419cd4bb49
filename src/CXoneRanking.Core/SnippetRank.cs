namespace CXoneRanking;

/// <summary>One knowledge snippet's input to a session's ranking: what New-SnippetRank emits.</summary>
public sealed class SnippetRank
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    // Null until someone adds metadata: most ranks of a large CSV carry one column or none.
    private Dictionary<string, string>? _metadata;

    public SnippetRank() { }

    /// <summary>Takes a case-insensitive dictionary the caller built for this rank alone, uncopied.</summary>
    internal SnippetRank(Dictionary<string, string>? ownMetadata) => _metadata = ownMetadata;

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
        get => _metadata ??= new(StringComparer.OrdinalIgnoreCase);
        // Copied so that a caller's dictionary (or one with another comparer) never aliases ours.
        set => _metadata = value is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The metadata for reading, without allocating an empty dictionary.</summary>
    internal IReadOnlyDictionary<string, string> MetadataView => _metadata ?? NoMetadata;

    /// <summary>The metadata dictionary if there is one, for checks that must not create it.</summary>
    internal Dictionary<string, string>? MetadataOrNull => _metadata;

    /// <summary>The weighted signals the relevance score came from (score matrix), if any.</summary>
    public IReadOnlyList<WeightedSignal>? Signals { get; set; }

    public override string ToString() =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "{0}/{1} r={2} b={3}", SessionId, SnippetId, RelevanceScore, BoostFactor);
}
