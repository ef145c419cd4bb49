using System.Globalization;
using System.Xml.Linq;

namespace CXoneRanking.Emulator.Tests.Expert;

public sealed class SearchTests
{
    [Fact]
    public async Task A_search_answers_Expert_search_xml_with_ranked_results_best_first()
    {
        await using var server = await EmulatorServer.StartAsync();

        var search = await ExpertApi.GetXmlAsync(server, "site/query?q=refund&limit=3", null);

        Assert.Equal("search", search.Name.LocalName);
        Assert.Equal("adaptive", search.Attribute("ranking")!.Value);
        Assert.Equal("3", search.Attribute("count")!.Value);
        Assert.True(int.Parse(search.Attribute("querycount")!.Value, CultureInfo.InvariantCulture) > 3);
        var queryId = search.Attribute("queryid")!.Value;
        var results = search.Elements("result").ToList();
        Assert.Equal(3, results.Count);
        var ranks = results.Select(r => double.Parse(r.Element("rank")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.All(ranks, r => Assert.InRange(r, double.Epsilon, 1.0));
        Assert.Equal(ranks.OrderByDescending(r => r), ranks);
        var first = results[0];
        Assert.Equal("101", first.Element("id")!.Value);
        Assert.Equal("How to request a refund", first.Element("title")!.Value);
        Assert.Equal("Support/Billing/How_to_request_a_refund", first.Element("page")!.Element("path")!.Value);
        Assert.Equal("page", first.Element("type")!.Value);
        Assert.Contains("refund", first.Element("tag")!.Value, StringComparison.Ordinal);
        Assert.Equal(server.BaseUri.GetLeftPart(UriPartial.Authority) + "/Support/Billing/How_to_request_a_refund", first.Element("uri")!.Value);
        var rank = ranks[0].ToString("R", CultureInfo.InvariantCulture);
        Assert.Equal(
            $"{server.BaseUri.GetLeftPart(UriPartial.Authority)}/@api/deki/site/query/{queryId}?pageid=101&rank={rank}&type=page&position=1",
            first.Element("uri.track")!.Value);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", first.Element("date.modified")!.Value);
    }

    [Fact]
    public async Task Many_results_are_an_array_in_json_and_every_value_is_a_string()
    {
        await using var server = await EmulatorServer.StartAsync();

        var search = await ExpertApi.GetJsonAsync(server, "site/query?q=refund", null);

        Assert.Equal(JsonValueKind.String, search.GetProperty("@queryid").ValueKind);
        Assert.Equal(JsonValueKind.String, search.GetProperty("@count").ValueKind);
        var results = search.GetProperty("result");
        Assert.Equal(JsonValueKind.Array, results.ValueKind);
        Assert.Equal(search.GetProperty("@count").GetString(), results.GetArrayLength().ToString(CultureInfo.InvariantCulture));
        var first = results[0];
        Assert.Equal("101", first.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, first.GetProperty("rank").ValueKind);
        Assert.Equal("", first.GetProperty("page").GetProperty("rating").GetString());
        Assert.Matches(@"^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$", first.GetProperty("date.modified").GetString());
    }

    [Fact]
    public async Task A_single_result_is_an_object_in_json_not_an_array()
    {
        await using var server = await EmulatorServer.StartAsync();

        var json = await ExpertApi.GetJsonAsync(server, "site/query?q=chargeback", null);
        var xml = await ExpertApi.GetXmlAsync(server, "site/query?q=chargeback", null);

        Assert.Equal("1", json.GetProperty("@count").GetString());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("result").ValueKind);
        Assert.Equal("123", json.GetProperty("result").GetProperty("id").GetString());
        Assert.InRange(double.Parse(json.GetProperty("result").GetProperty("rank").GetString()!, CultureInfo.InvariantCulture), 0.01, 1.0);
        Assert.Single(xml.Elements("result"));
    }

    [Fact]
    public async Task No_result_leaves_the_result_key_out_but_the_search_is_still_tracked()
    {
        await using var server = await EmulatorServer.StartAsync();

        var json = await ExpertApi.GetJsonAsync(server, "site/query?q=xyzzy", null);

        Assert.Equal("0", json.GetProperty("@count").GetString());
        Assert.Equal("0", json.GetProperty("@querycount").GetString());
        Assert.False(json.TryGetProperty("result", out _));
        Assert.True(json.TryGetProperty("@queryid", out _));
        var history = await server.GetJsonAsync("/_emulator/expert/history");
        Assert.Equal(0, history.GetProperty("searches")[0].GetProperty("count_results").GetInt32());
    }

    [Fact]
    public async Task An_empty_search_is_neither_tracked_nor_logged()
    {
        await using var server = await EmulatorServer.StartAsync();

        var search = await ExpertApi.GetXmlAsync(server, "site/query?q=", null);

        Assert.Null(search.Attribute("queryid"));
        Assert.Equal("0", search.Attribute("count")!.Value);
        Assert.Equal(0, (await server.GetJsonAsync("/_emulator/expert/history")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Offset_and_limit_page_the_results_and_positions_continue_across_pages()
    {
        await using var server = await EmulatorServer.StartAsync();
        var all = await ExpertApi.GetXmlAsync(server, "site/query?q=billing&limit=100", null);
        var queryId = all.Attribute("queryid")!.Value;

        var second = await ExpertApi.GetXmlAsync(server, $"site/query?q=billing&limit=2&offset=2&queryid={queryId}", null);

        Assert.Equal(queryId, second.Attribute("queryid")!.Value);
        Assert.Equal(
            all.Elements("result").Skip(2).Take(2).Select(r => r.Element("id")!.Value),
            second.Elements("result").Select(r => r.Element("id")!.Value));
        Assert.EndsWith("&position=3", second.Elements("result").First().Element("uri.track")!.Value, StringComparison.Ordinal);
        Assert.Equal(1, (await server.GetJsonAsync("/_emulator/expert/history")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Each_search_gets_a_new_query_id_and_the_same_search_ranks_the_same_way()
    {
        await using var server = await EmulatorServer.StartAsync();

        var first = await ExpertApi.GetXmlAsync(server, "site/query?q=cancel+subscription", null);
        var second = await ExpertApi.GetXmlAsync(server, "site/query?q=cancel+subscription", null);

        Assert.NotEqual(first.Attribute("queryid")!.Value, second.Attribute("queryid")!.Value);
        Assert.Equal(Ranking(first), Ranking(second));
        Assert.Equal("120", first.Elements("result").First().Element("id")!.Value);
    }

    [Theory]
    [InlineData("site/query?q=refund&limit=0")]
    [InlineData("site/query?q=refund&limit=ten")]
    [InlineData("site/query?q=refund&offset=-1")]
    public async Task A_bad_paging_parameter_is_a_400_in_Dreams_error_shape(string pathAndQuery)
    {
        await using var server = await EmulatorServer.StartAsync();

        var error = await ExpertApi.GetXmlAsync(server, pathAndQuery, null, HttpStatusCode.BadRequest);

        Assert.Equal("error", error.Name.LocalName);
        Assert.Equal("400", error.Element("status")!.Value);
        Assert.NotEmpty(error.Element("message")!.Value);
    }

    private static List<string> Ranking(XElement search) =>
        [.. search.Elements("result").Select(r => r.Element("id")!.Value + ":" + r.Element("rank")!.Value)];
}
