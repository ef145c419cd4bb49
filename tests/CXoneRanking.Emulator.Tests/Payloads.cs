using System.Text.Json.Nodes;

namespace CXoneRanking.Emulator.Tests;

/// <summary>Ranking bodies for tests: a valid one to start from, which each test then breaks in one way.</summary>
internal static class Payloads
{
    public static JsonObject Ranking(string sessionId, int window = 10, int snippets = 3)
    {
        var array = new JsonArray();
        for (var i = 0; i < snippets; i++)
        {
            array.Add(Snippet($"KB-{i + 1:000}", Math.Round(1.0 - (i * 0.01), 4)));
        }

        return new JsonObject
        {
            ["session_id"] = sessionId,
            ["max_result_window"] = window,
            ["snippets"] = array,
        };
    }

    public static JsonObject Snippet(string id, double score, double boost = 1.2) => new()
    {
        ["snippet_id"] = id,
        ["relevance_score"] = score,
        ["boost_factor"] = boost,
        ["metadata"] = new JsonObject { ["category"] = "billing" },
    };

    public static string Json(string sessionId, int window = 10, int snippets = 3) =>
        Ranking(sessionId, window, snippets).ToJsonString();

    public static JsonObject SnippetAt(this JsonObject ranking, int index) => ranking["snippets"]![index]!.AsObject();
}
