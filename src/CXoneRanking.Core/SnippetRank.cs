using CXoneRanking.Ranks;

namespace CXoneRanking;

/// <summary>One knowledge snippet's input to a session's ranking: what New-SnippetRank emits.</summary>
public sealed class SnippetRank
{
    // Ranks are held until the last row of a pipeline: see StoredMetadata.
    private StoredMetadata _metadata;

    public SnippetRank() { }

    /// <summary>Takes checked metadata the caller built for this rank alone, uncopied.</summary>
    internal SnippetRank(Dictionary<string, string> ownMetadata) => _metadata = new StoredMetadata(ownMetadata);

    /// <summary>A rank whose metadata is the one checked entry given.</summary>
    internal SnippetRank(string key, string value) => _metadata = new StoredMetadata(key, value);

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
        get
        {
            // Someone wants the mutable dictionary: from now on it is the metadata.
            if (_metadata.DictionaryOrNull is { } dictionary) return dictionary;
            dictionary = _metadata.ToDictionary();
            _metadata = new StoredMetadata(dictionary);
            return dictionary;
        }
        // Copied so that a caller's dictionary (or one with another comparer) never aliases ours.
        set => _metadata = new StoredMetadata(value is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(value, StringComparer.OrdinalIgnoreCase));
    }

    internal StoredMetadata StoredMetadata => _metadata;

    /// <summary>
    /// The 1-based position of the row this rank was read from in New-SnippetRank's piped input, or null for a rank made
    /// otherwise. Test-RankingPayload and Submit-SnippetRanking name a rank by it, so every cmdlet's "input N" is the same row.
    /// </summary>
    public int? InputNumber { get; set; }

    /// <summary>The weighted signals the relevance score came from (score matrix), if any.</summary>
    public IReadOnlyList<WeightedSignal>? Signals { get; set; }

    /// <summary>
    /// Null for a rank. Set, this is the stand-in for a refused row (New-SnippetRank -InvalidRowAction DropSession):
    /// the row's error, which holds its whole session back: Test-RankingPayload reports the session invalid
    /// (SessionHeldBack) and Submit-SnippetRanking audits it and sends nothing. It survives Export-Csv.
    /// </summary>
    public string? RowError { get; set; }

    public override string ToString() => RowError is not null ? $"{SessionId}/{SnippetId} held back: {RowError}" :
        string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "{0}/{1} r={2} b={3}", SessionId, SnippetId, RelevanceScore, BoostFactor);
}
