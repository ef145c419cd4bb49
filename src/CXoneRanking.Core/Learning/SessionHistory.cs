namespace CXoneRanking.Learning;

/// <summary>
/// Every submission of every session, so a click can be attached to the ranking the agent saw
/// when clicking: the session's latest submission at or before the click. Sorted lazily on the
/// first lookup, because the log is in write order, not strictly in timestamp order.
/// </summary>
internal sealed class SessionHistory
{
    private readonly Dictionary<string, List<ShownRanking>> _sessions = new(StringComparer.Ordinal);
    private long _sequence;
    private bool _sorted;

    public void Add(string session, long ticks, int[] snippets)
    {
        if (!_sessions.TryGetValue(session, out var list)) _sessions[session] = list = [];
        list.Add(new ShownRanking(ticks, _sequence++, snippets));
        _sorted = false;
    }

    /// <summary>The latest submission at or before <paramref name="ticks"/>; on equal timestamps, the one written last.</summary>
    public ShownRanking? LatestAtOrBefore(string session, long ticks)
    {
        if (!_sessions.TryGetValue(session, out var list)) return null;
        if (!_sorted)
        {
            foreach (var rankings in _sessions.Values) rankings.Sort(ShownRanking.ByTime);
            _sorted = true;
        }
        int low = 0, high = list.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            if (list[middle].Ticks <= ticks)
            {
                found = middle;
                low = middle + 1;
            }
            else high = middle - 1;
        }
        return found < 0 ? null : list[found];
    }
}
