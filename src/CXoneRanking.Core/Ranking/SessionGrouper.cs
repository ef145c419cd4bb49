namespace CXoneRanking.Ranking;

/// <summary>
/// Collects ranks per session in the order sessions are first seen, so a CSV of many sessions
/// yields one ranking per session and results come back in the order the user wrote them.
/// Ranks without a session (and no default) gather under the empty id and fail validation there.
/// </summary>
public sealed class SessionGrouper(string? defaultSessionId = null)
{
    private readonly Dictionary<string, List<SnippetRank>> _bySession = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, List<SnippetRank>>> _ordered = [];

    public int Count => _ordered.Count;

    public void Add(SnippetRank rank)
    {
        var sessionId = string.IsNullOrEmpty(rank.SessionId) ? defaultSessionId ?? string.Empty : rank.SessionId!;
        if (!_bySession.TryGetValue(sessionId, out var list))
        {
            list = [];
            _bySession.Add(sessionId, list);
            _ordered.Add(new(sessionId, list));
        }
        list.Add(rank);
    }

    public IEnumerable<KeyValuePair<string, IReadOnlyList<SnippetRank>>> Sessions =>
        _ordered.Select(s => new KeyValuePair<string, IReadOnlyList<SnippetRank>>(s.Key, s.Value));
}
