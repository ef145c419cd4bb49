namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// The Expert features the emulator serves, by the route names that fault scripts and the journal
/// use. Paths are below <c>/@api/deki</c> on the emulator's own origin.
/// </summary>
internal static class ExpertRoutes
{
    public const string UsersCurrent = "users/current";
    public const string Search = "site/query";
    public const string Selection = "site/query/{queryid}";
    public const string Log = "site/query/log";
    public const string LogEntry = "site/query/log/{queryid}";

    /// <summary>A fault scripted for this name meets the next Expert request of any route.</summary>
    public const string Any = "*";

    public static IReadOnlyList<string> Names { get; } = [UsersCurrent, Search, Selection, Log, LogEntry, Any];

    public static void Map(WebApplication app, ExpertState expert, int retryAfterSeconds)
    {
        var gate = new ExpertGate(expert, retryAfterSeconds);
        var search = new SearchEndpoint(expert, gate);
        var log = new QueryLogEndpoint(expert, gate);
        app.MapGet(ExpertUris.ApiBase + "/" + UsersCurrent, new UsersCurrentEndpoint(gate).HandleAsync);
        app.MapGet(ExpertUris.ApiBase + "/" + Search, search.SearchAsync);
        app.MapPost(ExpertUris.ApiBase + "/" + Selection, search.SelectAsync);
        app.MapGet(ExpertUris.ApiBase + "/" + Log, log.ListAsync);
        app.MapGet(ExpertUris.ApiBase + "/" + LogEntry, log.EntryAsync);
        var control = new ExpertControlEndpoints(expert);
        app.MapGet("/_emulator/expert/history", control.HistoryAsync);
        app.MapPost("/_emulator/expert/history", control.LoadHistoryAsync);
        app.MapPost("/_emulator/expert/faults", control.QueueFaultsAsync);
    }
}
