using System.Text.Json.Nodes;

namespace CXoneRanking.Emulator.Tests;

/// <summary>Each rule of the ranking body, broken one at a time on an otherwise valid body for session "s-1".</summary>
public sealed class RankingValidationTests
{
    private static readonly Dictionary<string, (Func<JsonObject, string> Body, string? ContentType, string Problem)> Cases = new()
    {
        ["content type text/plain"] = (Valid, "text/plain", "Content-Type: \"text/plain\" is not application/json"),
        ["content type missing"] = (Valid, null, "Content-Type: missing; expected application/json"),
        ["charset not utf-8"] = (Valid, "application/json; charset=utf-16", "Content-Type: charset \"utf-16\" is not utf-8"),
        ["invalid JSON"] = (_ => "{\"session_id\": \"s-1\",", "application/json", "body: not valid JSON"),
        ["empty body"] = (_ => "", "application/json", "body: empty; expected a JSON object"),
        ["top level array"] = (_ => "[]", "application/json", "body: expected a JSON object, got an array"),
        ["missing session_id"] = (b => Without(b, "session_id"), "application/json", "session_id: required"),
        ["missing window"] = (b => Without(b, "max_result_window"), "application/json", "max_result_window: required"),
        ["missing snippets"] = (b => Without(b, "snippets"), "application/json", "snippets: required"),
        ["unknown top level key"] = (b => With(b, "callback", "x"), "application/json", "callback: unknown property"),
        ["camelCase key"] = (b => With(Without(b, "session_id"), "sessionId", "s-1"), "application/json", "sessionId: unknown property"),
        ["duplicate top level key"] = (b => b.ToJsonString().Replace("{\"session_id\":\"s-1\"", "{\"session_id\":\"s-1\",\"session_id\":\"s-1\"", StringComparison.Ordinal), "application/json", "session_id: property appears more than once"),
        ["session id differs from path"] = (b => With(b, "session_id", "s-2"), "application/json", "session_id: \"s-2\" does not match the session id in the path \"s-1\""),
        ["session id not a string"] = (b => With(b, "session_id", 1), "application/json", "session_id: expected a string, got a number"),
        ["window 0"] = (b => With(b, "max_result_window", 0), "application/json", "max_result_window: 0 is outside [1, 50]"),
        ["window 51"] = (b => With(b, "max_result_window", 51), "application/json", "max_result_window: 51 is outside [1, 50]"),
        ["window fractional"] = (b => With(b, "max_result_window", 2.5), "application/json", "max_result_window: 2.5 is not an integer"),
        ["window string"] = (b => With(b, "max_result_window", "10"), "application/json", "max_result_window: expected an integer, got a string"),
        ["no snippets"] = (b => With(b, "snippets", new JsonArray()), "application/json", "snippets: empty; at least 1 snippet is required"),
        ["more snippets than window"] = (b => With(b, "max_result_window", 2), "application/json", "snippets: 3 snippets exceed max_result_window 2"),
        ["snippets not an array"] = (b => With(b, "snippets", new JsonObject()), "application/json", "snippets: expected an array, got an object"),
        ["snippet not an object"] = (b => Replace(b, 1, "x"), "application/json", "snippets[1]: expected an object, got a string"),
        ["unknown snippet key"] = (b => Set(b, 0, "rank", 1), "application/json", "snippets[0].rank: unknown property"),
        ["missing metadata"] = (b => Remove(b, 2, "metadata"), "application/json", "snippets[2].metadata: required"),
        ["missing boost"] = (b => Remove(b, 2, "boost_factor"), "application/json", "snippets[2].boost_factor: required"),
        ["empty snippet id"] = (b => Set(b, 0, "snippet_id", ""), "application/json", "snippets[0].snippet_id: empty"),
        ["snippet id too long"] = (b => Set(b, 0, "snippet_id", new string('x', 129)), "application/json", "snippets[0].snippet_id: 129 characters exceed the maximum of 128"),
        ["control character in id"] = (b => Set(b, 1, "snippet_id", "KB\u0007"), "application/json", "snippets[1].snippet_id: contains control character U+0007"),
        ["snippet id not a string"] = (b => Set(b, 1, "snippet_id", 7), "application/json", "snippets[1].snippet_id: expected a string, got a number"),
        ["duplicate snippet id"] = (b => Set(b, 2, "snippet_id", "KB-001"), "application/json", "snippets[2].snippet_id: \"KB-001\" duplicates snippets[0].snippet_id"),
        ["score above 1"] = (b => Set(b, 0, "relevance_score", 1.2), "application/json", "snippets[0].relevance_score: 1.2 is outside [0, 1]"),
        ["score below 0"] = (b => Set(b, 2, "relevance_score", -0.1), "application/json", "snippets[2].relevance_score: -0.1 is outside [0, 1]"),
        ["score a string"] = (b => Set(b, 2, "relevance_score", "0.5"), "application/json", "snippets[2].relevance_score: expected a number, got a string"),
        ["boost 0"] = (b => Set(b, 1, "boost_factor", 0), "application/json", "snippets[1].boost_factor: 0 is outside (0, 10]"),
        ["boost negative"] = (b => Set(b, 1, "boost_factor", -1), "application/json", "snippets[1].boost_factor: -1 is outside (0, 10]"),
        ["boost above 10"] = (b => Set(b, 1, "boost_factor", 10.5), "application/json", "snippets[1].boost_factor: 10.5 is outside (0, 10]"),
        ["metadata value not a string"] = (b => Set(b, 0, "metadata", new JsonObject { ["tier"] = 2 }), "application/json", "snippets[0].metadata.tier: expected a string, got a number"),
        ["metadata not an object"] = (b => Set(b, 0, "metadata", new JsonArray()), "application/json", "snippets[0].metadata: expected an object of strings, got an array"),
        ["scores not descending"] = (b => Set(b, 2, "relevance_score", 0.995), "application/json", "snippets[2].relevance_score: 0.995 is higher than snippets[1]'s 0.99; snippets must be sorted by relevance_score descending"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_body_breaking_one_rule_is_a_400_schema_violation_naming_it(string caseName)
    {
        var (body, contentType, problem) = Cases[caseName];
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();

        using var response = await server.PostRankingAsync("s-1", body(Payloads.Ranking("s-1")), token, contentType: contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reply = await EmulatorServer.ReadJsonAsync(response);
        Assert.Equal("schema_violation", reply.GetProperty("error").GetString());
        var problems = reply.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.StartsWith(problem, StringComparison.Ordinal));
        await server.GetJsonAsync("/_emulator/rankings/s-1", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_problem_is_listed_not_only_the_first()
    {
        await using var server = await EmulatorServer.StartAsync();
        var body = Payloads.Ranking("s-1");
        body["session_id"] = "other";
        body.SnippetAt(0)["relevance_score"] = 1.2;
        body.SnippetAt(1)["boost_factor"] = 0;
        body.SnippetAt(2)["snippet_id"] = "";

        using var response = await server.PostRankingAsync("s-1", body.ToJsonString(), await server.GetTokenAsync(), contentType: "text/json");

        var problems = (await EmulatorServer.ReadJsonAsync(response)).GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Equal(5, problems.Count);
        Assert.Contains("snippets[0].relevance_score: 1.2 is outside [0, 1]", problems);
    }

    [Theory]
    [InlineData("scores 0 and 1, boost 10, empty metadata")]
    [InlineData("window 50 with 50 snippets")]
    [InlineData("window 1 with 1 snippet")]
    [InlineData("id of 128 characters with unicode")]
    [InlineData("equal scores")]
    [InlineData("charset utf-8")]
    public async Task Bodies_at_the_edges_of_the_rules_are_accepted(string edge)
    {
        await using var server = await EmulatorServer.StartAsync();
        var body = Payloads.Ranking("s-1", window: 50, snippets: edge.StartsWith("window 50", StringComparison.Ordinal) ? 50 : 3);
        var contentType = "application/json";
        switch (edge)
        {
            case "scores 0 and 1, boost 10, empty metadata":
                Change(Change(Change(body, 0, "relevance_score", 1), 2, "relevance_score", 0), 1, "boost_factor", 10);
                Change(body, 1, "metadata", new JsonObject());
                break;
            case "window 1 with 1 snippet":
                body = Payloads.Ranking("s-1", window: 1, snippets: 1);
                break;
            case "id of 128 characters with unicode":
                Change(body, 0, "snippet_id", "é" + new string('k', 126) + "ß");
                break;
            case "equal scores":
                Change(Change(body, 1, "relevance_score", 0.5), 2, "relevance_score", 0.5);
                break;
            case "charset utf-8":
                contentType = "Application/JSON; charset=UTF-8";
                break;
        }

        using var response = await server.PostRankingAsync("s-1", body.ToJsonString(), await server.GetTokenAsync(), contentType: contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("", "Idempotency-Key: empty")]
    [InlineData("256", "Idempotency-Key: 256 characters exceed the maximum of 255")]
    public async Task A_bad_idempotency_key_is_a_schema_violation(string key, string problem)
    {
        await using var server = await EmulatorServer.StartAsync();
        var idempotencyKey = key == "256" ? new string('k', 256) : key;

        using var response = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), await server.GetTokenAsync(), idempotencyKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, (await EmulatorServer.ReadJsonAsync(response)).GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
    }

    private static string Valid(JsonObject body) => body.ToJsonString();

    private static string Without(JsonObject body, string key)
    {
        body.Remove(key);
        return body.ToJsonString();
    }

    private static string With(JsonObject body, string key, JsonNode? value)
    {
        body[key] = value;
        return body.ToJsonString();
    }

    private static string With(string json, string key, JsonNode? value) => With(JsonNode.Parse(json)!.AsObject(), key, value);

    /// <summary>Sets one snippet property and returns the whole body as JSON.</summary>
    private static string Set(JsonObject body, int index, string key, JsonNode? value) => Change(body, index, key, value).ToJsonString();

    /// <summary>Sets one snippet property and returns the body, for several changes in a row.</summary>
    private static JsonObject Change(JsonObject body, int index, string key, JsonNode? value)
    {
        body.SnippetAt(index)[key] = value;
        return body;
    }

    private static string Replace(JsonObject body, int index, JsonNode? value)
    {
        body["snippets"]![index] = value;
        return body.ToJsonString();
    }

    private static string Remove(JsonObject body, int index, string key)
    {
        body.SnippetAt(index).Remove(key);
        return body.ToJsonString();
    }
}
