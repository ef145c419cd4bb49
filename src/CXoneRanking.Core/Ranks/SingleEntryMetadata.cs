using System.Collections;

namespace CXoneRanking.Ranks;

/// <summary>
/// Read-only metadata of exactly one entry (the common CSV case: a category column), without the
/// three objects a Dictionary costs: ranks are held until the last row, so each object counts.
/// It is also a (read-only) non-generic <see cref="IDictionary"/>: that is what PowerShell's member
/// access adapts, so <c>$snippet.Metadata.category</c> answers as it does for a Dictionary.
/// </summary>
internal sealed class SingleEntryMetadata(string key, string value) : IReadOnlyDictionary<string, string>, IDictionary
{
    public string this[string name] => TryGetValue(name, out var found) ? found : throw new KeyNotFoundException(name);

    public IEnumerable<string> Keys => [key];
    public IEnumerable<string> Values => [value];
    public int Count => 1;

    public bool ContainsKey(string name) => string.Equals(name, key, StringComparison.OrdinalIgnoreCase);

    public bool TryGetValue(string name, out string found)
    {
        found = ContainsKey(name) ? value : null!;
        return found is not null;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        yield return new KeyValuePair<string, string>(key, value);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The non-generic, read-only face: a missing key reads as null, as a Hashtable's does.
    object? IDictionary.this[object name]
    {
        get => name is string text && ContainsKey(text) ? value : null;
        set => throw ReadOnly();
    }

    ICollection IDictionary.Keys => new[] { key };
    ICollection IDictionary.Values => new[] { value };
    bool IDictionary.IsReadOnly => true;
    bool IDictionary.IsFixedSize => true;
    bool ICollection.IsSynchronized => false;
    object ICollection.SyncRoot => this;

    bool IDictionary.Contains(object name) => name is string text && ContainsKey(text);

    IDictionaryEnumerator IDictionary.GetEnumerator() => new Hashtable(1) { [key] = value }.GetEnumerator();

    void ICollection.CopyTo(Array array, int index) => array.SetValue(new DictionaryEntry(key, value), index);

    void IDictionary.Add(object name, object? entry) => throw ReadOnly();
    void IDictionary.Clear() => throw ReadOnly();
    void IDictionary.Remove(object name) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("a ranked snippet's metadata is read-only");
}
