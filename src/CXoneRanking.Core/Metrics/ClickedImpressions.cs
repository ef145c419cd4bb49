namespace CXoneRanking.Metrics;

/// <summary>
/// The one rule every rate uses (docs/audit-log.md#metrics): an impression counts as clicked at
/// most once. Within a session, a key (a snippet, or a position) shown k times and clicked j times
/// gives min(j, k) clicked impressions, so a snippet clicked twice in one showing is one clicked
/// impression, and a click on something the session was never shown is none. Clicked impressions
/// never exceed impressions, so no rate built on them exceeds 100%.
/// </summary>
internal static class ClickedImpressions
{
    /// <summary>Per key, min(clicks, showings); keys never clicked are left out.</summary>
    public static Dictionary<TKey, long> PerKey<TKey>(IReadOnlyDictionary<TKey, long> shown, IReadOnlyDictionary<TKey, long> clicks)
        where TKey : notnull
    {
        var matched = new Dictionary<TKey, long>(clicks.Count);
        foreach (var pair in clicks)
        {
            if (shown.TryGetValue(pair.Key, out var showings) && Math.Min(pair.Value, showings) is > 0 and var count)
                matched[pair.Key] = count;
        }
        return matched;
    }

    /// <summary>How often each item occurs.</summary>
    public static Dictionary<TKey, long> Count<TKey>(IEnumerable<TKey> items, IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
    {
        var counts = new Dictionary<TKey, long>(comparer);
        foreach (var item in items) counts[item] = counts.TryGetValue(item, out var n) ? n + 1 : 1;
        return counts;
    }
}
