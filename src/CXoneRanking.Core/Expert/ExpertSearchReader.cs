namespace CXoneRanking.Expert;

/// <summary>
/// Reads a <c>GET site/query</c> answer. Required: <c>@queryid</c>, and each result's <c>id</c> and
/// <c>rank</c>; everything else may be missing. Tags come as one <c>tag</c> per tag or as one
/// <c>tag</c> holding several, one per line.
/// </summary>
internal static class ExpertSearchReader
{
    public const string Endpoint = "site/query";

    public static ExpertSearch Read(string body, string query, int offset, CancellationToken cancellationToken = default)
    {
        var search = ExpertDocument.Parse(body, "search", Endpoint, cancellationToken);
        var queryId = ExpertValues.RequiredId(search.Attribute("queryid"), "search/@queryid", Endpoint);
        var results = search.Children("result").Select((result, index) => Result(result, queryId, offset + index + 1)).ToList();
        return new ExpertSearch
        {
            QueryId = queryId,
            Query = query,
            Count = ExpertValues.OptionalInt(search.Attribute("count"), "search/@count", Endpoint) ?? results.Count,
            TotalCount = ExpertValues.OptionalInt(search.Attribute("querycount"), "search/@querycount", Endpoint) ?? results.Count,
            Ranking = search.Attribute("ranking"),
            Offset = offset,
            Results = results,
        };
    }

    private static ExpertSearchResult Result(ExpertNode result, long queryId, int position)
    {
        var where = $"result {position.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var id = ExpertValues.RequiredId(result.ChildText("id"), where + "/id", Endpoint);
        var track = ExpertTrackUri.Parse(result.ChildText("uri.track"));
        var page = result.Child("page");
        return new ExpertSearchResult
        {
            QueryId = queryId,
            Id = id,
            PageId = ExpertValues.OptionalId(ExpertTrackUri.Parameter(track, "pageid"), where + "/uri.track pageid", Endpoint) ?? id,
            Title = ExpertValues.Printable(result.ChildText("title") ?? page?.ChildText("title") ?? string.Empty),
            Uri = ExpertTrackUri.Parse(result.ChildText("uri")),
            TrackUri = track,
            Rank = ExpertValues.RequiredDouble(result.ChildText("rank"), where + "/rank", Endpoint),
            Path = ExpertValues.Printable(page?.ChildText("path") ?? result.ChildText("path") ?? string.Empty),
            Type = NonEmpty(result.ChildText("type")) ?? "page",
            Tags = result.Children("tag").SelectMany(tag => tag.Text.Split('\n')).Select(t => t.Trim()).Where(t => t.Length > 0).ToList(),
            Position = position,
        };
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
}
