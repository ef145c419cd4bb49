namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// Builds site/query's answer as Expert's SearchBL formats it: <c>&lt;search querycount ranking
/// queryid count&gt;</c> with <c>parsedQuery</c> and one <c>result</c> per page of the requested
/// window. querycount is every match, count the results in this window; positions start at
/// offset + 1. An empty search has no queryid and is not logged.
/// </summary>
internal static class SearchDocument
{
    private const string TermQuery = "content:{0} title:{0}^10 path.title:{0}^4 description:{0}^3 tag:{0}^2 comments:{0}";

    public static XmlElementNode Build(
        HttpContext context, string query, IReadOnlyList<SearchHit> window, int total, long? queryId, SearchOrder order, int offset)
    {
        var document = new XmlElementNode("search")
            .Attr("querycount", total)
            .Attr("ranking", "adaptive");
        if (queryId is long id)
        {
            document.Attr("queryid", id);
        }

        var terms = SearchTerms.Terms(query);
        var parsed = terms.Count == 0 ? "" : TermQuery.Replace("{0}", $"({string.Join(' ', terms)})", StringComparison.Ordinal);
        document.Elem("parsedQuery", parsed);
        var position = offset + 1;
        foreach (var hit in window)
        {
            document.Add(Result(context, hit, queryId ?? 0, order.TracksPosition ? position : null));
            position++;
        }

        return document.Attr("count", window.Count);
    }

    private static XmlElementNode Result(HttpContext context, SearchHit hit, long queryId, int? position)
    {
        var article = hit.Article;
        return new XmlElementNode("result")
            .Elem("id", article.PageId)
            .Elem("uri", ExpertUris.Page(context, article.Path))
            .Elem("uri.track", ExpertUris.Track(context, queryId, article.PageId, hit.Rank, position))
            .Elem("rank", hit.Rank)
            .Elem("title", article.Title)
            .Add(new XmlElementNode("page")
                .Add(new XmlElementNode("rating"))
                .Elem("title", article.Title)
                .Elem("path", article.Path))
            .Elem("author", article.Author)
            .Elem("date.modified", article.Modified)
            .Elem("content", article.Summary)
            .Elem("type", "page")
            .Elem("tag", string.Join(' ', article.Tags))
            .Elem("wordcount", article.WordCount);
    }
}
