namespace CXoneRanking.Emulator.Tests.Expert;

public sealed class ExpertFaultTests
{
    [Fact]
    public async Task Scripted_faults_answer_the_next_requests_on_their_route_in_order_then_service_resumes()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock, "--retry-after", "9");
        const string script = "{\"route\":\"site/query/log\",\"responses\":[429,503,\"reset\"]}";
        using var queued = await server.PostControlAsync("/_emulator/expert/faults", script);
        Assert.Equal(3, (await EmulatorServer.ReadJsonAsync(queued)).GetProperty("pending").GetInt32());
        var token = ExpertApi.TokenNow(clock);

        using var limited = await ExpertApi.SendAsync(server, HttpMethod.Get, "site/query/log", token);
        var search = await ExpertApi.GetXmlAsync(server, "site/query?q=refund", null);
        var unavailable = await ExpertApi.GetJsonAsync(server, "site/query/log", token, HttpStatusCode.ServiceUnavailable);
        await Assert.ThrowsAsync<HttpRequestException>(() => ExpertApi.SendAsync(server, HttpMethod.Get, "site/query/log", token));
        var served = await ExpertApi.GetXmlAsync(server, "site/query/log", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(9), limited.Headers.RetryAfter!.Delta);
        Assert.Equal("search", search.Name.LocalName);
        Assert.Equal("503", unavailable.GetProperty("status").GetString());
        Assert.Equal("queries", served.Name.LocalName);
        var journal = await server.JournalAsync();
        Assert.Equal(
            ["fault 429", "searched", "fault 503", "fault reset", "log_read"],
            journal.Select(e => e.GetProperty("outcome").GetString() is "fault"
                ? "fault " + e.GetProperty("detail").GetString()
                : e.GetProperty("outcome").GetString()));
        Assert.Equal(JsonValueKind.Null, journal[3].GetProperty("status").ValueKind);
        Assert.Equal("site/query/log", journal[3].GetProperty("route").GetString());
    }

    [Fact]
    public async Task A_fault_for_any_route_meets_the_next_expert_request_but_never_the_ranking_api()
    {
        await using var server = await EmulatorServer.StartAsync();
        (await server.PostControlAsync("/_emulator/expert/faults", "{\"route\":\"*\",\"responses\":[500]}")).Dispose();

        var token = await server.GetTokenAsync();
        using var ranking = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token);
        using var failed = await ExpertApi.SendAsync(server, HttpMethod.Get, "users/current", null);
        using var served = await ExpertApi.SendAsync(server, HttpMethod.Get, "users/current", null);

        Assert.Equal(HttpStatusCode.OK, ranking.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task A_reset_forgets_scripted_expert_faults()
    {
        await using var server = await EmulatorServer.StartAsync();
        (await server.PostControlAsync("/_emulator/expert/faults", "{\"route\":\"site/query\",\"responses\":[502]}")).Dispose();

        (await server.PostControlAsync("/_emulator/reset", "{}")).Dispose();

        await ExpertApi.GetXmlAsync(server, "site/query?q=refund", null);
    }

    [Theory]
    [InlineData("{\"route\":\"site/search\",\"responses\":[500]}")]
    [InlineData("{\"route\":\"site/query\",\"responses\":[200]}")]
    [InlineData("{\"route\":\"site/query\"}")]
    [InlineData("{\"responses\":[500]}")]
    public async Task A_bad_expert_fault_script_is_refused(string script)
    {
        await using var server = await EmulatorServer.StartAsync();

        using var response = await server.PostControlAsync("/_emulator/expert/faults", script);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ExpertApi.GetXmlAsync(server, "site/query?q=refund", null);
    }
}
