namespace CXoneRanking.Expert;

/// <summary>
/// Reads a <c>GET site/query/log</c> answer: <c>&lt;queries&gt;</c> of <c>&lt;query id=&gt;</c>. Required:
/// each query's <c>@id</c> and <c>date.searched</c>, and each selection's <c>page/@id</c>. An empty
/// <c>selected-results</c> may come as "", as an object with only <c>@count</c>, or not at all.
/// </summary>
internal static class ExpertSearchLogReader
{
    public const string Endpoint = "site/query/log";

    public static IReadOnlyList<ExpertLoggedQuery> Read(string body, CancellationToken cancellationToken = default)
    {
        var queries = ExpertDocument.Parse(body, "queries", Endpoint, cancellationToken);
        return queries.Children("query").Select(Query).ToList();
    }

    private static ExpertLoggedQuery Query(ExpertNode query)
    {
        var id = ExpertValues.RequiredId(query.Attribute("id"), "query/@id", Endpoint);
        var where = "query " + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var selections = query.Child("selected-results")?.Children("result") ?? [];
        return new ExpertLoggedQuery
        {
            QueryId = id,
            SearchedAt = ExpertValues.RequiredDate(query.ChildText("date.searched"), where + "/date.searched", Endpoint),
            SortedTerms = query.ChildText("sorted-terms") ?? string.Empty,
            RawQuery = query.ChildText("raw") ?? string.Empty,
            ResultCount = ExpertValues.OptionalInt(query.ChildText("count.results"), where + "/count.results", Endpoint),
            PreviousQueryId = ExpertValues.OptionalId(query.Child("previous")?.Attribute("id"), where + "/previous/@id", Endpoint),
            Selections = selections.Select(result => Selection(result, where + "/selected-results/result")).ToList(),
        };
    }

    private static ExpertSelectedResult Selection(ExpertNode result, string where) => new()
    {
        Type = string.IsNullOrWhiteSpace(result.Attribute("type")) ? "page" : result.Attribute("type")!.Trim(),
        PageId = ExpertValues.RequiredId(result.Child("page")?.Attribute("id"), where + "/page/@id", Endpoint),
        Position = ExpertValues.OptionalInt(result.ChildText("position"), where + "/position", Endpoint) ?? 0,
        Rank = ExpertValues.OptionalDouble(result.ChildText("rank"), where + "/rank", Endpoint),
        SelectedAt = ExpertValues.OptionalDate(result.ChildText("date.selected"), where + "/date.selected", Endpoint),
    };
}
