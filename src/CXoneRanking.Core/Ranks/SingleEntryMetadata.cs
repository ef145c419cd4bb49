using System.Collections;

namespace CXoneRanking.Ranks;

/// <summary>
/// Read-only metadata of exactly one entry (the common CSV case: a category column), without the
/// three objects a Dictionary costs: ranks are held until the last row, so each object counts.
/// </summary>
internal sealed class SingleEntryMetadata(string key, string value) : IReadOnlyDictionary<string, string>
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
}
