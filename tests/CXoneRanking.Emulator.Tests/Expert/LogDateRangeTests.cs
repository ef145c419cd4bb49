using System.Text;

namespace CXoneRanking.Emulator.Tests.Expert;

public sealed class LogDateRangeTests
{
    private const string History = """
        {"searches": [
          {"query": "refund", "searched_at": "2026-02-10T08:00:00Z",
           "selections": [{"page_id": 101, "position": 1, "rank": 0.8, "selected_at": "2026-02-10T08:00:30Z"}]},
          {"query": "track order", "searched_at": "2026-02-11T08:00:00Z", "user_id": 3},
          {"query": "reset password", "searched_at": "2026-02-12T08:00:00Z", "count_results": 42},
          {"query": "cancel order", "searched_at": "2026-02-09T08:00:00Z"}
        ]}
        """;

    [Fact]
    public async Task A_loaded_history_is_numbered_by_search_time()
    {
        await using var server = await EmulatorServer.StartAsync(new ManualClock());

        using var loaded = await server.PostControlAsync("/_emulator/expert/history", History);

        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        var answer = await EmulatorServer.ReadJsonAsync(loaded);
        Assert.Equal(4, answer.GetProperty("loaded").GetInt32());
        Assert.Equal([2L, 3, 4, 1], answer.GetProperty("query_ids").EnumerateArray().Select(i => i.GetInt64()));
        var searches = (await server.GetJsonAsync("/_emulator/expert/history")).GetProperty("searches");
        Assert.Equal(42, searches[3].GetProperty("count_results").GetInt32());
        Assert.Equal(3, searches[2].GetProperty("user_id").GetInt32());
    }

    [Theory]
    [InlineData("20260210080000", "20260212080000", "3,2")]
    [InlineData("20260210080001", "20260212080001", "4,3")]
    [InlineData("20260101000000", "20260301000000", "4,3,2,1")]
    [InlineData("20260213000000", "20260301000000", "")]
    public async Task Since_is_inclusive_and_before_exclusive(string since, string before, string expected)
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock);
        (await server.PostControlAsync("/_emulator/expert/history", History)).Dispose();

        var log = await ExpertApi.GetXmlAsync(server, $"site/query/log?since={since}&before={before}", ExpertApi.TokenNow(clock));

        Assert.Equal(expected, string.Join(',', log.Elements("query").Select(q => q.Attribute("id")!.Value)));
    }

    [Fact]
    public async Task A_search_made_in_the_current_second_shows_once_that_second_is_over()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock);
        await ExpertApi.SearchAsync(server, "refund");

        var now = await ExpertApi.GetXmlAsync(server, "site/query/log", ExpertApi.TokenNow(clock));
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = await ExpertApi.GetXmlAsync(server, "site/query/log", ExpertApi.TokenNow(clock));

        Assert.Equal("0", now.Attribute("count")!.Value);
        Assert.Equal("1", later.Attribute("count")!.Value);
    }

    [Theory]
    [InlineData("site/query/log?since=2026-02-01")]
    [InlineData("site/query/log?before=yesterday")]
    [InlineData("site/query/log?limit=0")]
    [InlineData("site/query/log?groupby=query")]
    public async Task A_bad_or_unemulated_log_parameter_is_a_400(string pathAndQuery)
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock);

        var error = await ExpertApi.GetXmlAsync(server, pathAndQuery, ExpertApi.TokenNow(clock), HttpStatusCode.BadRequest);

        Assert.Equal("400", error.Element("status")!.Value);
    }

    [Theory]
    [InlineData("{\"searches\": {}}")]
    [InlineData("{\"searches\": [{\"query\": \"refund\"}]}")]
    [InlineData("{\"searches\": [{\"query\": \"refund\", \"searched_at\": \"last tuesday\"}]}")]
    [InlineData("{\"searches\": [{\"query\": \"refund\", \"searched_at\": \"2026-02-10T08:00:00Z\", \"colour\": 1}]}")]
    [InlineData("{\"searches\": [{\"query\": \"refund\", \"searched_at\": \"2026-02-10T08:00:00Z\", \"selections\": [{\"page_id\": 101}]}]}")]
    [InlineData("{\"searches\": [], \"extra\": true}")]
    public async Task A_bad_history_is_refused_and_the_log_is_left_alone(string body)
    {
        await using var server = await EmulatorServer.StartAsync(new ManualClock(), "--expert-history", "5");

        using var response = await server.Http.PostAsync(
            server.Raw("/_emulator/expert/history"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(5, (await server.GetJsonAsync("/_emulator/expert/history")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_reset_goes_back_to_the_seeded_history()
    {
        await using var server = await EmulatorServer.StartAsync(new ManualClock(), "--expert-history", "5", "--seed", "3");
        var seeded = await HistoryTextAsync(server);
        await ExpertApi.SearchAsync(server, "refund");
        (await server.PostControlAsync("/_emulator/expert/history", History)).Dispose();

        (await server.PostControlAsync("/_emulator/reset", "{}")).Dispose();

        Assert.Equal(seeded, await HistoryTextAsync(server));
        Assert.Equal(6L, await ExpertApi.SearchAsync(server, "refund"));
    }

    private static async Task<string> HistoryTextAsync(EmulatorServer server) =>
        (await server.GetJsonAsync("/_emulator/expert/history")).GetRawText();
}
