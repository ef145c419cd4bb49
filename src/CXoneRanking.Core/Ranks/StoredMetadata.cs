namespace CXoneRanking.Ranks;

/// <summary>
/// A rank's metadata as kept: none, one entry in two fields (the common CSV case, a category
/// column), a dictionary, or (read back from the audit log) checked entries in one array. Ranks are
/// held until the last row of a pipeline, and a what-if holds the candidates of every logged session,
/// so the compact forms cost at most one object; a read-only view is made only when someone reads it.
/// </summary>
internal readonly struct StoredMetadata
{
    private readonly object? _store;   // the Dictionary, or the array of keys and values (key, value, key, value...)
    private readonly string? _key;
    private readonly string? _value;

    public StoredMetadata(string key, string value) => (_key, _value) = (key, value);

    /// <summary>Keeps the caller's dictionary itself: it must compare keys case-insensitively.</summary>
    public StoredMetadata(Dictionary<string, string> dictionary) => _store = dictionary;

    private StoredMetadata(string[] pairs) => _store = pairs;

    /// <summary>
    /// Metadata read back from the audit log: kept compact (one entry in two fields, more in one array) when the engine's
    /// check passes, as the row reader keeps what it checked, so it is not looked at again; else the dictionary, which the
    /// engine checks when it ranks, so an invalid candidate replays invalid.
    /// </summary>
    public static StoredMetadata Compact(Dictionary<string, string> dictionary, Func<string[], string[]>? share = null)
    {
        if (dictionary.Count == 0) return default;
        if (Ranking.SnippetRules.MetadataProblem(dictionary) is not null || dictionary.ContainsValue(null!)) return new StoredMetadata(dictionary);
        var pairs = new string[dictionary.Count * 2];
        var i = 0;
        foreach (var entry in dictionary) (pairs[i++], pairs[i++]) = (entry.Key, entry.Value);
        return pairs.Length == 2 ? new StoredMetadata(pairs[0], pairs[1]) : new StoredMetadata(share?.Invoke(pairs) ?? pairs);
    }

    /// <summary>The dictionary, if the metadata is kept as one (only a dictionary can change after a row was read).</summary>
    public Dictionary<string, string>? DictionaryOrNull => _store as Dictionary<string, string>;

    public IReadOnlyDictionary<string, string> View => _store switch
    {
        Dictionary<string, string> dictionary => dictionary,
        string[] => ToDictionary(),
        _ => _key is null ? ReadOnlyMetadata.Empty : new SingleEntryMetadata(_key, _value!),
    };

    /// <summary>Looks a key up case-insensitively, without making a view.</summary>
    public bool TryGetValue(string key, out string value)
    {
        switch (_store)
        {
            case Dictionary<string, string> dictionary:
                return dictionary.TryGetValue(key, out value!);
            case string[] pairs:
                for (var i = 0; i < pairs.Length; i += 2)
                {
                    if (!string.Equals(pairs[i], key, StringComparison.OrdinalIgnoreCase)) continue;
                    value = pairs[i + 1];
                    return true;
                }
                value = null!;
                return false;
        }
        var found = _key is not null && string.Equals(_key, key, StringComparison.OrdinalIgnoreCase);
        value = found ? _value! : null!;
        return found;
    }

    /// <summary>A new case-insensitive dictionary with the same entries.</summary>
    public Dictionary<string, string> ToDictionary()
    {
        if (_store is Dictionary<string, string> dictionary) return new Dictionary<string, string>(dictionary, StringComparer.OrdinalIgnoreCase);
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (_store is string[] pairs)
        {
            for (var i = 0; i < pairs.Length; i += 2) copy[pairs[i]] = pairs[i + 1];
        }
        else if (_key is not null) copy[_key] = _value!;
        return copy;
    }
}
