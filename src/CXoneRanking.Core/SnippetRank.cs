namespace CXoneRanking;

/// <summary>One knowledge snippet's input to a session's ranking: what New-SnippetRank emits.</summary>
public sealed class SnippetRank
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    // Null until someone adds metadata: most ranks of a large CSV carry one column or none, and
    // ranks are held until the last row, so a single entry is kept without a dictionary.
    private Dictionary<string, string>? _metadata;
    private SingleEntryMetadata? _single;

    public SnippetRank() { }

    /// <summary>Takes checked metadata the caller built for this rank alone, uncopied.</summary>
    internal SnippetRank(Dictionary<string, string>? ownMetadata)
    {
        if (ownMetadata is { Count: 1 })
            foreach (var entry in ownMetadata) _single = new SingleEntryMetadata(entry.Key, entry.Value);
        else
            _metadata = ownMetadata;
    }

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
        get => _metadata ??= Materialize();
        // Copied so that a caller's dictionary (or one with another comparer) never aliases ours.
        set => (_single, _metadata) = (null, value is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(value, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The metadata for reading, without allocating a dictionary.</summary>
    internal IReadOnlyDictionary<string, string> MetadataView => (IReadOnlyDictionary<string, string>?)_metadata ?? _single ?? NoMetadata;

    /// <summary>
    /// The metadata dictionary if there is one, for checks that must not create it (a single
    /// entry was checked when the row was read, and only a dictionary can be changed since).
    /// </summary>
    internal Dictionary<string, string>? MetadataOrNull => _metadata;

    // Someone wants the mutable dictionary: from now on it is the metadata.
    private Dictionary<string, string> Materialize()
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (_single is not null)
            foreach (var entry in _single) metadata[entry.Key] = entry.Value;
        _single = null;
        return metadata;
    }

    /// <summary>The weighted signals the relevance score came from (score matrix), if any.</summary>
    public IReadOnlyList<WeightedSignal>? Signals { get; set; }

    public override string ToString() =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "{0}/{1} r={2} b={3}", SessionId, SnippetId, RelevanceScore, BoostFactor);
}
