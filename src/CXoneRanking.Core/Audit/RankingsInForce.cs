namespace CXoneRanking.Audit;

/// <summary>
/// The one rule that joins a click to a ranking (docs/audit-log.md#metrics): a click belongs to the
/// ranking in force when it was made, the session's latest ranking shown at or before the click's
/// timestamp (on equal timestamps, the one written last). A click earlier than every ranking of its
/// session belongs to none ("without ranking"). An agent sees one ranking per session at a time, so a
/// re-send of the same ranking (same key: checksum, experiment and arm) with no other ranking of the
/// session in between is the same showing: it is dropped, adds no impressions, and its clicks go to
/// the showing it repeats. The log is in write order, not strictly in time order, so the showings of
/// each session are sorted once, on the first lookup, after every entry was read.
/// </summary>
/// <typeparam name="T">What a showing carries (its snippets, arm, clicked marks...).</typeparam>
internal sealed class RankingsInForce<T> where T : class
{
    private readonly Dictionary<string, List<Showing>> _sessions = new(StringComparer.Ordinal);
    private long _sequence;
    private bool _settled = true;

    /// <summary>Adds one ranking shown to <paramref name="session"/> at <paramref name="at"/>.</summary>
    public void Add(string session, DateTimeOffset at, string? key, T item)
    {
        if (!_sessions.TryGetValue(session, out var list)) _sessions[session] = list = [];
        list.Add(new Showing(at.UtcTicks, _sequence++, key, item));
        _settled = false;
    }

    /// <summary>The key of a ranking entry: its checksum (or, in older lines, its snippets), experiment and arm.</summary>
    public static string KeyOf(AuditEntry ranking) =>
        (ranking.RankingChecksum ?? string.Join("\u001f", ranking.Snippets ?? [])) + "\u001e" + ranking.Experiment + "\u001e" + ranking.Arm;

    public bool HasSession(string session) => _sessions.ContainsKey(session);

    /// <summary>The distinct showings of every session (re-sends dropped), each session's in time order.</summary>
    public IEnumerable<(string Session, T Item)> Showings()
    {
        Settle();
        return _sessions.SelectMany(pair => pair.Value.Select(showing => (pair.Key, showing.Item)));
    }

    /// <summary>The ranking in force for <paramref name="session"/> at <paramref name="at"/>; null before its first.</summary>
    public T? InForceAt(string session, DateTimeOffset at)
    {
        if (!_sessions.TryGetValue(session, out var list)) return null;
        Settle();
        var ticks = at.UtcTicks;
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
        return found < 0 ? null : list[found].Item;
    }

    private void Settle()
    {
        if (_settled) return;
        _settled = true;
        foreach (var list in _sessions.Values)
        {
            list.Sort(static (a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Sequence.CompareTo(b.Sequence));
            // A re-send of the ranking in force changes nothing the agent sees: keep the first showing only.
            list.RemoveAll(Repeats());
        }
    }

    private static Predicate<Showing> Repeats()
    {
        string? previous = null;
        var first = true;
        return showing =>
        {
            var repeat = !first && showing.Key is not null && string.Equals(showing.Key, previous, StringComparison.Ordinal);
            first = false;
            previous = showing.Key;
            return repeat;
        };
    }

    private readonly record struct Showing(long Ticks, long Sequence, string? Key, T Item);
}
