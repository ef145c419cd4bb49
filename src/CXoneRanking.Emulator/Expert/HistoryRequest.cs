using System.Text.Json;

namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// Reads the body of <c>POST /_emulator/expert/history</c> strictly, so a test that loads a history
/// knows it is exactly the one it wrote: <c>{"searches":[{"query", "searched_at", "user_id"?,
/// "count_results"?, "selections"?:[{"page_id", "position", "rank", "selected_at", "type"?}]}]}</c>.
/// Searches are numbered 1, 2, ... in order of searched_at (ties keep the order given); count_results
/// defaults to what the emulator's search engine finds for the query, user_id to Anonymous.
/// </summary>
internal static class HistoryRequest
{
    private static readonly string[] SearchKeys = ["query", "searched_at", "user_id", "count_results", "selections"];
    private static readonly string[] SelectionKeys = ["page_id", "position", "rank", "selected_at", "type"];

    /// <summary>The searches in the order given, already numbered; null when problems were found.</summary>
    public static List<LoggedSearch>? Read(JsonElement searches, ExpertState expert, List<string> problems)
    {
        if (searches.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"searches: expected an array, got {JsonProperties.Describe(searches.ValueKind)}");
            return null;
        }

        var drafts = new List<(int Index, string Query, DateTimeOffset At, int UserId, int? Count, List<LoggedSelection> Picks)>();
        var index = 0;
        foreach (var item in searches.EnumerateArray())
        {
            var path = $"searches[{index}]";
            var fields = StrictFields.Read(item, path, SearchKeys, ["query", "searched_at"], problems);
            var query = fields.TryGetValue("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()! : null;
            if (query is null && fields.ContainsKey("query"))
            {
                problems.Add($"{path}.query: expected a string");
            }

            var at = StrictFields.Time(fields, "searched_at", path, problems);
            var userId = StrictFields.Integer(fields, "user_id", path, 1, int.MaxValue, problems) ?? ExpertUsers.AnonymousId;
            var count = StrictFields.Integer(fields, "count_results", path, 0, int.MaxValue, problems);
            var picks = fields.TryGetValue("selections", out var s) ? Selections(s, path + ".selections", problems) : [];
            drafts.Add((index, query ?? "", at ?? default, (int)userId, (int?)count, picks));
            index++;
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var ids = drafts.OrderBy(d => d.At).ThenBy(d => d.Index).Select((d, i) => (d.Index, Id: i + 1L)).ToDictionary(p => p.Index, p => p.Id);
        return [.. drafts.Select(d =>
        {
            var search = new LoggedSearch(ids[d.Index], d.Query, d.At, d.UserId, d.Count ?? expert.Search.Search(d.Query).Count);
            d.Picks.ForEach(search.Select);
            return search;
        })];
    }

    private static List<LoggedSelection> Selections(JsonElement array, string path, List<string> problems)
    {
        var picks = new List<LoggedSelection>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{path}: expected an array, got {JsonProperties.Describe(array.ValueKind)}");
            return picks;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{path}[{index++}]";
            var fields = StrictFields.Read(item, at, SelectionKeys, ["page_id", "position", "rank", "selected_at"], problems);
            var pageId = StrictFields.Integer(fields, "page_id", at, 0, int.MaxValue, problems);
            var position = StrictFields.Integer(fields, "position", at, 0, ushort.MaxValue, problems);
            var rank = fields.TryGetValue("rank", out var r) ? JsonProperties.Number(r, at + ".rank", problems) : null;
            var selectedAt = StrictFields.Time(fields, "selected_at", at, problems);
            var type = "page";
            if (fields.TryGetValue("type", out var t))
            {
                type = t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            }

            if (type is not ("page" or "file" or "comment"))
            {
                problems.Add($"{at}.type: expected \"page\", \"file\" or \"comment\"");
            }

            picks.Add(new LoggedSelection((int)(pageId ?? 0), (int)(position ?? 0), rank ?? 0, type ?? "page", selectedAt ?? default));
        }

        return picks;
    }
}
