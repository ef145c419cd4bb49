namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// The <c>/_emulator/expert/*</c> endpoints: read the whole search log as the truth a test compares
/// against, replace it with an exact history, and script faults for Expert routes. Like every
/// control endpoint they need no token and never appear in the journal.
/// </summary>
internal sealed class ExpertControlEndpoints(ExpertState expert)
{
    public Task HistoryAsync(HttpContext context)
    {
        var searches = expert.Log.All().Select(s => new HistorySearchView(
            s.QueryId,
            s.Raw,
            s.SortedTerms,
            s.SearchedAt.UtcDateTime,
            s.UserId,
            s.ResultCount,
            [.. s.Selections.Select(p => new HistorySelectionView(p.PageId, p.Position, p.Rank, p.Type, p.SelectedAt.UtcDateTime))])).ToList();
        var view = new HistoryView(searches.Count, ClickModel.Examination, searches);
        return JsonReply.WriteAsync(context, StatusCodes.Status200OK, view, ExpertJsonContext.Default.HistoryView);
    }

    public async Task LoadHistoryAsync(HttpContext context)
    {
        var request = await ControlRequest.ReadAsync(context, ["searches"]);
        if (request is null)
        {
            return;
        }

        var history = request.Properties.TryGetValue("searches", out var searches)
            ? HistoryRequest.Read(searches, expert, request.Problems)
            : null;
        if (await request.RejectIfProblemsAsync())
        {
            return;
        }

        expert.Log.Replace([.. history!.OrderBy(s => s.QueryId)]);
        var loaded = new HistoryLoaded(history!.Count, [.. history!.Select(s => s.QueryId)]);
        await JsonReply.WriteAsync(context, StatusCodes.Status200OK, loaded, ExpertJsonContext.Default.HistoryLoaded);
    }

    /// <summary>
    /// Body <c>{"route": "site/query/log", "responses": [429, 503, "reset"]}</c>: the next requests
    /// on that route (or on any Expert route, for "*") get these answers, in order, before anything
    /// else is checked. Posting again appends.
    /// </summary>
    public async Task QueueFaultsAsync(HttpContext context)
    {
        var request = await ControlRequest.ReadAsync(context, ["route", "responses"]);
        if (request is null)
        {
            return;
        }

        var route = request.String("route");
        if (route is not null && !ExpertRoutes.Names.Contains(route, StringComparer.Ordinal))
        {
            request.Problems.Add($"route: {JsonProperties.Quote(route)} is not one of {string.Join(", ", ExpertRoutes.Names)}");
        }

        var faults = FaultScript.Read(request);
        if (await request.RejectIfProblemsAsync())
        {
            return;
        }

        var pending = expert.Faults.Enqueue(route!, faults);
        var queued = new ExpertFaultsQueued(route!, pending);
        await JsonReply.WriteAsync(context, StatusCodes.Status200OK, queued, ExpertJsonContext.Default.ExpertFaultsQueued);
    }
}
