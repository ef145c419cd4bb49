using System.Collections;
using System.Collections.ObjectModel;

namespace CXoneRanking.History;

/// <summary>
/// Metadata of a history object as a read-only, case-insensitive dictionary: a (non-generic)
/// IDictionary like every metadata object of the module (docs/design.md, "Metadata answers member
/// access"), which a script cannot change behind the log's back.
/// </summary>
internal static class HistoryMetadata
{
    public static readonly ReadOnlyDictionary<string, string> Empty = new(new Dictionary<string, string>());

    public static ReadOnlyDictionary<string, string> Of(IEnumerable<KeyValuePair<string, string>>? metadata)
    {
        if (metadata is null) return Empty;
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in metadata) copy[pair.Key] = pair.Value;
        return copy.Count == 0 ? Empty : new ReadOnlyDictionary<string, string>(copy);
    }

    /// <summary>The same metadata when it is read-only already, else a read-only copy.</summary>
    public static IReadOnlyDictionary<string, string> ReadOnly(IReadOnlyDictionary<string, string> metadata) =>
        metadata is IDictionary { IsReadOnly: true } ? metadata : Of(metadata);
}
