namespace CXoneRanking.Rows;

/// <summary>
/// Shares equal strings read from many rows (session ids, snippet ids, metadata values): a
/// 100k-row CSV repeats a few thousand of them, and ranks held until the last row are cheaper
/// to keep when they point at one copy. Bounded, so a file of unique values costs nothing more.
/// </summary>
internal sealed class StringPool(int capacity = 65536)
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Share(string value)
    {
        if (_strings.TryGetValue(value, out var shared)) return shared;
        if (_strings.Count < capacity) _strings.Add(value, value);
        return value;
    }
}
