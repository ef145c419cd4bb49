namespace CXoneRanking.Ranks;

/// <summary>
/// A rank's metadata as kept: none, one entry in two fields (the common CSV case, a category
/// column), or a dictionary. Ranks are held until the last row of a pipeline, so the single entry
/// costs no object of its own; a read-only view is made only when someone reads it.
/// </summary>
internal readonly struct StoredMetadata
{
    private readonly Dictionary<string, string>? _dictionary;
    private readonly string? _key;
    private readonly string? _value;

    public StoredMetadata(string key, string value) => (_key, _value) = (key, value);

    /// <summary>Keeps the caller's dictionary itself: it must compare keys case-insensitively.</summary>
    public StoredMetadata(Dictionary<string, string> dictionary) => _dictionary = dictionary;

    /// <summary>
    /// Metadata read back from the audit log: one entry kept in two fields when the engine's check passes (as the row
    /// reader keeps it, so it is not looked at again), else the dictionary, which the engine checks when it ranks.
    /// </summary>
    public static StoredMetadata Compact(Dictionary<string, string> dictionary)
    {
        if (dictionary.Count == 0) return default;
        if (dictionary.Count == 1 && Ranking.SnippetRules.MetadataProblem(dictionary) is null)
        {
            foreach (var entry in dictionary) if (entry.Value is not null) return new StoredMetadata(entry.Key, entry.Value);
        }
        return new StoredMetadata(dictionary);
    }

    /// <summary>The dictionary, if the metadata is kept as one (only a dictionary can change after a row was read).</summary>
    public Dictionary<string, string>? DictionaryOrNull => _dictionary;

    public IReadOnlyDictionary<string, string> View =>
        _dictionary ?? (_key is null ? ReadOnlyMetadata.Empty : new SingleEntryMetadata(_key, _value!));

    /// <summary>Looks a key up case-insensitively, without making a view.</summary>
    public bool TryGetValue(string key, out string value)
    {
        if (_dictionary is not null) return _dictionary.TryGetValue(key, out value!);
        var found = _key is not null && string.Equals(_key, key, StringComparison.OrdinalIgnoreCase);
        value = found ? _value! : null!;
        return found;
    }

    /// <summary>A new case-insensitive dictionary with the same entries.</summary>
    public Dictionary<string, string> ToDictionary()
    {
        if (_dictionary is not null) return new Dictionary<string, string>(_dictionary, StringComparer.OrdinalIgnoreCase);
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (_key is not null) copy[_key] = _value!;
        return copy;
    }
}
