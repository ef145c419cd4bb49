namespace CXoneRanking.Emulator.Tests;

public sealed class ControlEndpointTests
{
    [Fact]
    public async Task The_root_answers_a_small_status()
    {
        await using var server = await EmulatorServer.StartAsync();
        (await server.PostRankingAsync("s-1", Payloads.Json("s-1"), await server.GetTokenAsync())).Dispose();

        var status = await server.GetJsonAsync("/");

        Assert.Equal("CXone Agent Assist emulator", status.GetProperty("name").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", status.GetProperty("version").GetString());
        Assert.True(status.GetProperty("uptime_seconds").GetDouble() >= 0);
        Assert.Equal(1, status.GetProperty("sessions").GetInt32());
    }

    [Fact]
    public async Task The_applied_ranking_is_kept_as_sent_with_its_bookkeeping()
    {
        await using var server = await EmulatorServer.StartAsync();
        var body = Payloads.Ranking("s-1");
        using var posted = await server.PostRankingAsync("s-1", body.ToJsonString(), await server.GetTokenAsync(), "key-9");
        var accepted = await EmulatorServer.ReadJsonAsync(posted);

        var ranking = await server.GetJsonAsync("/_emulator/rankings/s-1");

        Assert.Equal(body.ToJsonString(), ranking.GetProperty("payload").GetRawText());
        Assert.Equal(accepted.GetProperty("ranking_id").GetString(), ranking.GetProperty("ranking_id").GetString());
        Assert.Equal(accepted.GetProperty("applied_at").GetString(), ranking.GetProperty("applied_at").GetString());
        Assert.Equal(3, accepted.GetProperty("accepted").GetInt32());
        Assert.Equal(10, accepted.GetProperty("max_result_window").GetInt32());
        Assert.True(Guid.TryParse(accepted.GetProperty("ranking_id").GetString(), out _));
        Assert.EndsWith("Z", accepted.GetProperty("applied_at").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unranked_session_is_404()
    {
        await using var server = await EmulatorServer.StartAsync();

        var reply = await server.GetJsonAsync("/_emulator/rankings/never", HttpStatusCode.NotFound);

        Assert.Equal("not_found", reply.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Reset_clears_rankings_journal_faults_locks_and_idempotency_but_keeps_tokens()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        (await server.PostRankingAsync("s-1", Payloads.Json("s-1", snippets: 3), token, "key-1")).Dispose();
        (await server.LockAsync("s-2", 600)).Dispose();
        (await server.QueueFaultsAsync("s-3", "[500]")).Dispose();

        using var reset = await server.PostControlAsync("/_emulator/reset", "");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Empty(await server.JournalAsync());
        await server.GetJsonAsync("/_emulator/rankings/s-1", HttpStatusCode.NotFound);
        Assert.Equal(0, (await server.GetJsonAsync("/")).GetProperty("sessions").GetInt32());
        using var reused = await server.PostRankingAsync("s-1", Payloads.Json("s-1", snippets: 2), token, "key-1");
        using var unlocked = await server.PostRankingAsync("s-2", Payloads.Json("s-2"), token);
        using var unfaulted = await server.PostRankingAsync("s-3", Payloads.Json("s-3"), token);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unfaulted.StatusCode);
    }

    [Fact]
    public async Task Control_endpoints_need_no_token_but_api_endpoints_do()
    {
        await using var server = await EmulatorServer.StartAsync();

        using var journal = await server.Http.GetAsync("/_emulator/journal");
        using var status = await server.GetStatusAsync("s-1", token: null);

        Assert.Equal(HttpStatusCode.OK, journal.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, status.StatusCode);
    }

    [Fact]
    public async Task The_wrong_method_on_the_ranking_route_is_405()
    {
        await using var server = await EmulatorServer.StartAsync();

        using var response = await server.Http.GetAsync("/api/v2/agentassist/sessions/s-1/snippets/ranking");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
