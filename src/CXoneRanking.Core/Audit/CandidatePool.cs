using CXoneRanking.Rows;

namespace CXoneRanking.Audit;

/// <summary>
/// Shares what the candidates of many logged sessions repeat: snippet ids, metadata keys and values, and whole metadata
/// (a snippet carries the same metadata in every session it is a candidate of). A what-if holds every session's candidates
/// at once; shared, 100,000 sessions of 15 candidates keep one copy of each snippet's metadata. Bounded like the strings.
/// </summary>
internal sealed class CandidatePool
{
    private const int MetadataCapacity = 1 << 16;
    private readonly Dictionary<string, string[]> _metadata = new(StringComparer.Ordinal);

    public StringPool Strings { get; } = new(1 << 18);

    /// <summary>The shared array equal to <paramref name="pairs"/> (keys and values, in order), or <paramref name="pairs"/> itself.</summary>
    public string[] Share(string[] pairs)
    {
        var key = string.Join("\u001f", pairs);
        if (_metadata.TryGetValue(key, out var shared)) return shared;
        if (_metadata.Count < MetadataCapacity) _metadata.Add(key, pairs);
        return pairs;
    }
}
