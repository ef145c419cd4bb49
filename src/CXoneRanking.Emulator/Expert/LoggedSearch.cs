namespace CXoneRanking.Emulator.Expert;

/// <summary>A search result someone selected, as Expert's tracked selection records it.</summary>
internal sealed record LoggedSelection(int PageId, int Position, double Rank, string Type, DateTimeOffset SelectedAt);

/// <summary>
/// One search in Expert's search log: when it ran, for whom, what was typed, how many pages matched
/// and which results were then selected (in the order they were selected). Times are to the second.
/// </summary>
internal sealed class LoggedSearch(long queryId, string raw, DateTimeOffset searchedAt, int userId, int resultCount)
{
    private readonly List<LoggedSelection> selections = [];

    public long QueryId { get; } = queryId;

    public string Raw { get; } = raw;

    public string SortedTerms { get; } = SearchTerms.Sorted(raw);

    public IReadOnlyList<string> Terms { get; } = SearchTerms.Terms(raw);

    public DateTimeOffset SearchedAt { get; } = searchedAt;

    public int UserId { get; } = userId;

    public int ResultCount { get; } = resultCount;

    /// <summary>A copy, so a reader never sees the list change under it.</summary>
    public IReadOnlyList<LoggedSelection> Selections
    {
        get
        {
            lock (selections)
            {
                return [.. selections];
            }
        }
    }

    public void Select(LoggedSelection selection)
    {
        lock (selections)
        {
            selections.Add(selection);
        }
    }
}
