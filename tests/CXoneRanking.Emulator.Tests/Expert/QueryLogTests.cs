using System.Globalization;

namespace CXoneRanking.Emulator.Tests.Expert;

public sealed class QueryLogTests
{
    private const string SinceNewYear = "since=20260101000000";

    [Theory]
    [InlineData(null, "anonymous")]
    [InlineData("=agent", "not_admin")]
    public async Task Only_an_administrator_may_read_the_search_log(string? user, string detail)
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock, "--expert-history", "10");
        var token = user is null ? null : ExpertApi.TokenNow(clock, user);

        var error = await ExpertApi.GetXmlAsync(server, "site/query/log", token, HttpStatusCode.Forbidden);
        var json = await ExpertApi.GetJsonAsync(server, "site/query/log", token, HttpStatusCode.Forbidden);

        Assert.Equal("403", error.Element("status")!.Value);
        Assert.Equal("403", json.GetProperty("status").GetString());
        Assert.Equal(detail, (await server.JournalAsync()).Last().GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Paging_through_1200_seeded_searches_returns_each_once_newest_first()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock, "--expert-history", "1200", "--seed", "7");
        var token = ExpertApi.TokenNow(clock);
        var seen = new List<(long Id, string Searched)>();

        for (var offset = 0; ; offset += 500)
        {
            var page = await ExpertApi.GetXmlAsync(server, $"site/query/log?{SinceNewYear}&limit=500&offset={offset}", token);
            var queries = page.Elements("query").ToList();
            Assert.Equal(queries.Count.ToString(CultureInfo.InvariantCulture), page.Attribute("count")!.Value);
            seen.AddRange(queries.Select(q =>
                (long.Parse(q.Attribute("id")!.Value, CultureInfo.InvariantCulture), q.Element("date.searched")!.Value)));
            if (queries.Count < 500)
            {
                break;
            }
        }

        Assert.Equal(1200, seen.Count);
        Assert.Equal(Enumerable.Range(1, 1200).Select(i => (long)i), seen.Select(s => s.Id).Order());
        Assert.Equal(seen.Select(s => s.Searched).OrderDescending(StringComparer.Ordinal), seen.Select(s => s.Searched));
        var history = await server.GetJsonAsync("/_emulator/expert/history");
        var selections = history.GetProperty("searches").EnumerateArray().Sum(s => s.GetProperty("selections").GetArrayLength());
        Assert.InRange(selections, 300, 1500);
    }

    [Fact]
    public async Task The_default_page_is_25_searches_of_the_last_month()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock, "--expert-history", "1200", "--seed", "7");
        var history = (await server.GetJsonAsync("/_emulator/expert/history")).GetProperty("searches").EnumerateArray().ToList();
        var monthAgo = clock.GetUtcNow().AddMonths(-1).UtcDateTime;
        var expected = history.Where(s => s.GetProperty("searched_at").GetDateTime() >= monthAgo)
            .OrderByDescending(s => s.GetProperty("searched_at").GetDateTime()).ThenByDescending(s => s.GetProperty("query_id").GetInt64())
            .Take(25).Select(s => s.GetProperty("query_id").GetInt64().ToString(CultureInfo.InvariantCulture));

        var log = await ExpertApi.GetXmlAsync(server, "site/query/log", ExpertApi.TokenNow(clock));

        Assert.Equal(expected, log.Elements("query").Select(q => q.Attribute("id")!.Value));
        Assert.True(history.Count(s => s.GetProperty("searched_at").GetDateTime() < monthAgo) > 0, "the seeded 30 days reach past one month");
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_history_and_another_seed_another()
    {
        var first = await HistoryTextAsync("7");
        var again = await HistoryTextAsync("7");
        var other = await HistoryTextAsync("8");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task The_log_in_json_holds_a_query_array_and_single_selections_as_objects()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock);
        var one = await ExpertApi.SearchAsync(server, "gift card balance");
        (await ExpertApi.SelectAsync(server, one, 125, 0.7, 1)).Dispose();
        var two = await ExpertApi.SearchAsync(server, "xyzzy");
        clock.Advance(TimeSpan.FromMinutes(1));

        var log = await ExpertApi.GetJsonAsync(server, "site/query/log", ExpertApi.TokenNow(clock));

        Assert.Equal("2", log.GetProperty("@count").GetString());
        var queries = log.GetProperty("query");
        Assert.Equal(JsonValueKind.Array, queries.ValueKind);
        var withPick = queries.EnumerateArray().Single(q => q.GetProperty("@id").GetString() == one.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("Sun, 01 Mar 2026 12:00:00 GMT", withPick.GetProperty("date.searched").GetString());
        Assert.Equal(JsonValueKind.Array, withPick.GetProperty("terms").GetProperty("term").ValueKind);
        var result = withPick.GetProperty("selected-results").GetProperty("result");
        Assert.Equal(JsonValueKind.Object, result.ValueKind);
        Assert.Equal("page", result.GetProperty("@type").GetString());
        Assert.Equal("125", result.GetProperty("page").GetProperty("@id").GetString());
        var none = queries.EnumerateArray().Single(q => q.GetProperty("@id").GetString() == two.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("xyzzy", none.GetProperty("terms").GetProperty("term").GetString());
        Assert.Equal("0", none.GetProperty("selected-results").GetProperty("@count").GetString());
        Assert.False(none.GetProperty("selected-results").TryGetProperty("result", out _));
    }

    [Fact]
    public async Task An_empty_log_is_a_count_of_zero()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock);

        var json = await ExpertApi.GetJsonAsync(server, "site/query/log", ExpertApi.TokenNow(clock));
        var xml = await ExpertApi.GetXmlAsync(server, "site/query/log", ExpertApi.TokenNow(clock));

        Assert.Equal("0", json.GetProperty("@count").GetString());
        Assert.Empty(xml.Elements());
    }

    private static async Task<string> HistoryTextAsync(string seed)
    {
        await using var server = await EmulatorServer.StartAsync(new ManualClock(), "--expert-history", "200", "--seed", seed);
        using var response = await server.Http.GetAsync(server.Raw("/_emulator/expert/history"));
        return await response.Content.ReadAsStringAsync();
    }
}
