using System.Globalization;

namespace CXoneRanking.Emulator.Tests.Expert;

public sealed class SelectionTests
{
    [Fact]
    public async Task A_tracked_selection_shows_in_the_search_log_under_its_query()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock);
        var queryId = await ExpertApi.SearchAsync(server, "reset password", ExpertApi.TokenNow(clock, "=agent"));
        clock.Advance(TimeSpan.FromSeconds(20));

        using var selected = await ExpertApi.SelectAsync(server, queryId, 107, 0.85, 1, ExpertApi.TokenNow(clock, "=agent"));
        clock.Advance(TimeSpan.FromSeconds(1));
        var log = await ExpertApi.GetXmlAsync(server, "site/query/log", ExpertApi.TokenNow(clock));

        Assert.Equal(HttpStatusCode.OK, selected.StatusCode);
        Assert.Equal("", await selected.Content.ReadAsStringAsync());
        var query = Assert.Single(log.Elements("query"));
        Assert.Equal(queryId.ToString(CultureInfo.InvariantCulture), query.Attribute("id")!.Value);
        Assert.Equal("2026-03-01T12:00:00Z", query.Element("date.searched")!.Value);
        Assert.Equal("password reset", query.Element("sorted-terms")!.Value);
        Assert.Equal("reset password", query.Element("raw")!.Value);
        Assert.Equal(["password", "reset"], query.Element("terms")!.Elements("term").Select(t => t.Value));
        var selections = query.Element("selected-results")!;
        Assert.Equal("1", selections.Attribute("count")!.Value);
        var result = Assert.Single(selections.Elements("result"));
        Assert.Equal("page", result.Attribute("type")!.Value);
        Assert.Equal("1", result.Element("position")!.Value);
        Assert.Equal("0.85", result.Element("rank")!.Value);
        Assert.Equal("2026-03-01T12:00:20Z", result.Element("date.selected")!.Value);
        Assert.Equal("107", result.Element("page")!.Attribute("id")!.Value);
        Assert.EndsWith("/@api/deki/pages/107", result.Element("page")!.Attribute("href")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_may_search_and_select_and_is_recorded_as_Anonymous()
    {
        await using var server = await EmulatorServer.StartAsync();

        var queryId = await ExpertApi.SearchAsync(server, "track order");
        using var selected = await ExpertApi.SelectAsync(server, queryId, 112, 0.9, 1);

        Assert.Equal(HttpStatusCode.OK, selected.StatusCode);
        var search = (await server.GetJsonAsync("/_emulator/expert/history")).GetProperty("searches")[0];
        Assert.Equal(2, search.GetProperty("user_id").GetInt32());
        Assert.Equal(112, search.GetProperty("selections")[0].GetProperty("page_id").GetInt32());
        var journal = await server.JournalAsync();
        Assert.All(journal, e => Assert.Equal("Anonymous", e.GetProperty("ran_as").GetString()));
        Assert.Equal(["searched", "selected"], journal.Select(e => e.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task A_selection_for_an_unknown_query_is_accepted_as_Expert_does_but_belongs_to_no_search()
    {
        await using var server = await EmulatorServer.StartAsync();
        await ExpertApi.SearchAsync(server, "refund");

        using var selected = await ExpertApi.SelectAsync(server, 999, 101, 0.5, 1);

        Assert.Equal(HttpStatusCode.OK, selected.StatusCode);
        Assert.Equal("unknown_query", (await server.JournalAsync()).Last().GetProperty("detail").GetString());
        var history = await server.GetJsonAsync("/_emulator/expert/history");
        Assert.Equal(0, history.GetProperty("searches")[0].GetProperty("selections").GetArrayLength());
    }

    [Theory]
    [InlineData("site/query/abc?pageid=101&rank=0.5&type=page")]
    [InlineData("site/query/1?rank=0.5&type=page")]
    [InlineData("site/query/1?pageid=101&type=page")]
    [InlineData("site/query/1?pageid=101&rank=high&type=page")]
    [InlineData("site/query/1?pageid=101&rank=0.5")]
    [InlineData("site/query/1?pageid=101&rank=0.5&type=video")]
    [InlineData("site/query/1?pageid=101&rank=0.5&type=page&position=-1")]
    public async Task A_selection_with_a_missing_or_bad_parameter_is_a_400(string pathAndQuery)
    {
        await using var server = await EmulatorServer.StartAsync();
        await ExpertApi.SearchAsync(server, "refund");

        using var response = await ExpertApi.SendAsync(server, HttpMethod.Post, pathAndQuery, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var history = await server.GetJsonAsync("/_emulator/expert/history");
        Assert.Equal(0, history.GetProperty("searches")[0].GetProperty("selections").GetArrayLength());
    }
}
