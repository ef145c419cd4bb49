namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// Expert's search log in memory. Query ids count up from 1 in the order searches were logged, as a
/// database's auto-increment would. The seeded history (if any) is what a reset goes back to.
/// </summary>
internal sealed class SearchLog
{
    private readonly Lock gate = new();
    private readonly Func<IReadOnlyList<LoggedSearch>> seed;
    private List<LoggedSearch> searches = [];
    private long lastId;

    public SearchLog(Func<IReadOnlyList<LoggedSearch>> seed)
    {
        this.seed = seed;
        Reset();
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return searches.Count;
            }
        }
    }

    public LoggedSearch Add(string raw, DateTimeOffset searchedAt, int userId, int resultCount)
    {
        lock (gate)
        {
            var search = new LoggedSearch(++lastId, raw, DreamFormat.ToSecond(searchedAt), userId, resultCount);
            searches.Add(search);
            return search;
        }
    }

    public LoggedSearch? Find(long queryId)
    {
        lock (gate)
        {
            return searches.Find(s => s.QueryId == queryId);
        }
    }

    /// <summary>Searches with since &lt;= searched &lt; before, newest first (ties: the later id first), as Expert orders them.</summary>
    public IReadOnlyList<LoggedSearch> Between(DateTimeOffset since, DateTimeOffset before)
    {
        lock (gate)
        {
            return [.. searches.Where(s => s.SearchedAt >= since && s.SearchedAt < before)
                .OrderByDescending(s => s.SearchedAt).ThenByDescending(s => s.QueryId)];
        }
    }

    public IReadOnlyList<LoggedSearch> All()
    {
        lock (gate)
        {
            return [.. searches];
        }
    }

    /// <summary>Replaces the whole log, numbering the given searches from 1 in the order given.</summary>
    public void Replace(IReadOnlyList<LoggedSearch> history)
    {
        lock (gate)
        {
            searches = [.. history];
            lastId = searches.Count == 0 ? 0 : searches.Max(s => s.QueryId);
        }
    }

    public void Reset() => Replace(seed());
}
