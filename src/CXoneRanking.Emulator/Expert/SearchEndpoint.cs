using System.Globalization;

namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// <c>GET /@api/deki/site/query</c> (search with analytics tracking) and
/// <c>POST /@api/deki/site/query/{queryid}</c> (a tracked result selection). Both are open to
/// Anonymous; the log records the user each search ran as.
/// </summary>
internal sealed class SearchEndpoint(ExpertState expert, ExpertGate gate)
{
    public const int DefaultLimit = 25;

    public async Task SearchAsync(HttpContext context)
    {
        if (await gate.AdmitAsync(context, ExpertRoutes.Search) is not { } user)
        {
            return;
        }

        var parameters = new ExpertParameters(context);
        var limit = (int)parameters.Integer("limit", 1, int.MaxValue, DefaultLimit)!.Value;
        var offset = (int)parameters.Integer("offset", 0, int.MaxValue, 0)!.Value;
        var pagingId = parameters.Integer("queryid", 0, long.MaxValue, 0)!.Value;
        if (await parameters.RejectIfProblemsAsync())
        {
            return;
        }

        var query = parameters.Text("q") ?? "";
        var order = SearchOrder.Parse(parameters.Text("sortby"));
        var hits = expert.Search.Search(query);
        long? queryId = null;
        if (!string.IsNullOrWhiteSpace(query))
        {
            // A queryid sent back for paging or re-sorting reuses that search rather than logging a new one.
            queryId = pagingId > 0 ? pagingId : expert.Log.Add(query, expert.Time.GetUtcNow(), user.Id, hits.Count).QueryId;
        }

        var window = order.Apply(hits).Skip(offset).Take(limit).ToList();
        var document = SearchDocument.Build(context, query, window, hits.Count, queryId, order, offset);
        context.JournalNote().Record(JournalOutcome.Searched, queryId?.ToString(CultureInfo.InvariantCulture) ?? "untracked");
        await DreamReply.WriteAsync(context, StatusCodes.Status200OK, document);
    }

    public async Task SelectAsync(HttpContext context)
    {
        if (await gate.AdmitAsync(context, ExpertRoutes.Selection) is null)
        {
            return;
        }

        var parameters = new ExpertParameters(context);
        var queryIdText = context.Request.RouteValues["queryid"] as string ?? "";
        if (!long.TryParse(queryIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var queryId))
        {
            parameters.Problems.Add($"queryid: '{queryIdText}' is not a query id");
        }

        var rank = parameters.RequiredNumber("rank");
        var pageId = (int)parameters.Required("pageid", 0, int.MaxValue);
        var position = (int)parameters.Integer("position", 0, ushort.MaxValue, 0)!.Value;
        var type = (parameters.Text("type") ?? "").ToLowerInvariant();
        if (type is not ("page" or "file" or "comment"))
        {
            parameters.Problems.Add($"type: '{parameters.Text("type")}' is not one of page, file, comment");
        }

        if (await parameters.RejectIfProblemsAsync())
        {
            return;
        }

        // Expert inserts the selection without looking the query up, so an unknown id is a 200 too;
        // the selection then belongs to no logged search and never shows in the log.
        var search = expert.Log.Find(queryId);
        search?.Select(new LoggedSelection(pageId, position, rank, type, DreamFormat.ToSecond(expert.Time.GetUtcNow())));
        context.JournalNote().Record(JournalOutcome.Selected, search is null ? "unknown_query" : queryIdText);
        await DreamReply.WriteEmptyAsync(context);
    }
}
