namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// The sortby parameter of site/query: rank, title or modified, with a leading '-' for descending
/// (default -rank). As in Expert, an unknown field sorts by rank, ties go to the lower page id, and
/// only a sort by rank numbers the results' positions in uri.track.
/// </summary>
internal sealed record SearchOrder(string Field, bool Descending)
{
    public static SearchOrder Parse(string? sortBy)
    {
        var text = string.IsNullOrEmpty(sortBy) ? "-rank" : sortBy;
        var descending = text.StartsWith('-');
        return new SearchOrder((descending ? text[1..] : text).ToLowerInvariant(), descending);
    }

    public bool TracksPosition => Field == "rank";

    public IEnumerable<SearchHit> Apply(IEnumerable<SearchHit> hits)
    {
        IOrderedEnumerable<SearchHit> ordered = Field switch
        {
            "title" => Descending
                ? hits.OrderByDescending(h => h.Article.Title, StringComparer.Ordinal)
                : hits.OrderBy(h => h.Article.Title, StringComparer.Ordinal),
            "modified" => Descending ? hits.OrderByDescending(h => h.Article.Modified) : hits.OrderBy(h => h.Article.Modified),
            _ => Descending ? hits.OrderByDescending(h => h.Rank) : hits.OrderBy(h => h.Rank),
        };
        return ordered.ThenBy(h => h.Article.PageId);
    }
}
