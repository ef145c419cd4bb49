namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// One search of the log as Expert's search-analytics API documents it: <c>&lt;query id href&gt;</c>
/// with date.searched, sorted-terms, raw, count.results, terms/term and
/// <c>selected-results count</c> holding <c>result type</c> (position, rank, date.selected, page id href).
/// </summary>
internal static class QueryLogDocument
{
    public static XmlElementNode Query(HttpContext context, LoggedSearch search)
    {
        var terms = new XmlElementNode("terms");
        foreach (var term in search.Terms)
        {
            terms.Elem("term", term);
        }

        var selections = search.Selections;
        var selected = new XmlElementNode("selected-results").Attr("count", selections.Count);
        foreach (var selection in selections)
        {
            selected.Add(new XmlElementNode("result")
                .Attr("type", selection.Type)
                .Elem("position", selection.Position)
                .Elem("rank", selection.Rank)
                .Elem("date.selected", selection.SelectedAt)
                .Add(new XmlElementNode("page").Attr("id", selection.PageId).Attr("href", ExpertUris.PageApi(context, selection.PageId))));
        }

        return new XmlElementNode("query")
            .Attr("id", search.QueryId)
            .Attr("href", ExpertUris.QueryLog(context, search.QueryId))
            .Elem("date.searched", search.SearchedAt)
            .Elem("sorted-terms", search.SortedTerms)
            .Elem("raw", search.Raw)
            .Elem("count.results", search.ResultCount)
            .Add(terms)
            .Add(selected);
    }
}
