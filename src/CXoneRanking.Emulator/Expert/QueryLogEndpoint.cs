using System.Globalization;

namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// <c>GET /@api/deki/site/query/log</c> (searches with since &lt;= date &lt; before, newest first,
/// limit/offset paging, default the month before now and 25 a page) and
/// <c>GET /@api/deki/site/query/log/{queryid}</c>. Both need an administrator: anyone else,
/// Anonymous included, gets 403 as on a real site.
/// </summary>
internal sealed class QueryLogEndpoint(ExpertState expert, ExpertGate gate)
{
    public const int DefaultLimit = 25;
    private static readonly string[] UnsupportedFilters = ["query", "term", "groupby", "lowquality"];

    public async Task ListAsync(HttpContext context)
    {
        if (!await AdmitAdminAsync(context, ExpertRoutes.Log))
        {
            return;
        }

        // Expert formats "now" as yyyyMMddHHmmss before using it, so the default bounds are whole seconds.
        var now = DreamFormat.ToSecond(expert.Time.GetUtcNow());
        var parameters = new ExpertParameters(context);
        var since = parameters.Date("since", now.AddMonths(-1));
        var before = parameters.Date("before", now);
        var limit = (int)parameters.Integer("limit", 1, int.MaxValue, DefaultLimit)!.Value;
        var offset = (int)parameters.Integer("offset", 0, int.MaxValue, 0)!.Value;
        foreach (var filter in UnsupportedFilters.Where(f => parameters.Text(f) is not null))
        {
            parameters.Problems.Add($"{filter}: not emulated; the emulator serves the plain, ungrouped log");
        }

        if (await parameters.RejectIfProblemsAsync())
        {
            return;
        }

        var page = expert.Log.Between(since, before).Skip(offset).Take(limit).ToList();
        var document = new XmlElementNode("queries");
        foreach (var search in page)
        {
            document.Add(QueryLogDocument.Query(context, search));
        }

        document.Attr("count", page.Count);
        context.JournalNote().Record(JournalOutcome.LogRead, page.Count.ToString(CultureInfo.InvariantCulture));
        await DreamReply.WriteAsync(context, StatusCodes.Status200OK, document);
    }

    public async Task EntryAsync(HttpContext context)
    {
        if (!await AdmitAdminAsync(context, ExpertRoutes.LogEntry))
        {
            return;
        }

        var text = context.Request.RouteValues["queryid"] as string ?? "";
        var found = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var queryId) ? expert.Log.Find(queryId) : null;
        if (found is null)
        {
            context.JournalNote().Record(JournalOutcome.NotFound, "unknown_query");
            await DreamReply.WriteErrorAsync(context, StatusCodes.Status404NotFound, $"no logged search has the id '{text}'");
            return;
        }

        context.JournalNote().Record(JournalOutcome.LogRead, "1");
        await DreamReply.WriteAsync(context, StatusCodes.Status200OK, QueryLogDocument.Query(context, found));
    }

    private async Task<bool> AdmitAdminAsync(HttpContext context, string route)
    {
        if (await gate.AdmitAsync(context, route) is not { } user)
        {
            return false;
        }

        if (user.IsAdmin)
        {
            return true;
        }

        context.JournalNote().Record(JournalOutcome.Forbidden, user.IsAnonymous ? "anonymous" : "not_admin");
        await DreamReply.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "MindTouch API key or Administrator access is required.");
        return false;
    }
}
