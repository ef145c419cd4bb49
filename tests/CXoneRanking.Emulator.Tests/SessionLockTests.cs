namespace CXoneRanking.Emulator.Tests;

public sealed class SessionLockTests
{
    [Fact]
    public async Task A_locked_session_refuses_rankings_with_409_and_reports_locked_until_the_lock_runs_out()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock);
        var token = await server.GetTokenAsync();

        using var lockReply = await server.LockAsync("s-1", 30);
        Assert.Equal("locked", (await EmulatorServer.ReadJsonAsync(lockReply)).GetProperty("state").GetString());

        using (var refused = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("session_locked", (await EmulatorServer.ReadJsonAsync(refused)).GetProperty("error").GetString());
        }

        Assert.Equal("locked", await StateOfAsync(server, "s-1", token));
        Assert.Equal("active", await StateOfAsync(server, "s-2", token));
        await server.GetJsonAsync("/_emulator/rankings/s-1", HttpStatusCode.NotFound);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("locked", await StateOfAsync(server, "s-1", token));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("active", await StateOfAsync(server, "s-1", token));
        using var accepted = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(["locked", "status", "status", "status", "status", "applied"],
            (await server.JournalAsync()).Skip(1).Select(e => e.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Zero_seconds_unlocks_at_once()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        (await server.LockAsync("s-1", 600)).Dispose();

        (await server.LockAsync("s-1", 0)).Dispose();

        Assert.Equal("active", await StateOfAsync(server, "s-1", token));
    }

    [Fact]
    public async Task A_real_time_lock_expires_by_itself()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        (await server.LockAsync("s-1", 0.3)).Dispose();
        Assert.Equal("locked", await StateOfAsync(server, "s-1", token));

        await Task.Delay(400);

        Assert.Equal("active", await StateOfAsync(server, "s-1", token));
    }

    [Theory]
    [InlineData("{\"seconds\":-1}")]
    [InlineData("{\"seconds\":\"10\"}")]
    [InlineData("{\"seconds\":86401}")]
    [InlineData("{}")]
    [InlineData("{\"seconds\":5,\"reason\":\"x\"}")]
    [InlineData("[5]")]
    public async Task A_bad_lock_request_is_refused_and_locks_nothing(string json)
    {
        await using var server = await EmulatorServer.StartAsync();

        using var response = await server.PostControlAsync("/_emulator/sessions/s-1/lock", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("active", await StateOfAsync(server, "s-1", await server.GetTokenAsync()));
    }

    private static async Task<string> StateOfAsync(EmulatorServer server, string sessionId, string token)
    {
        using var response = await server.GetStatusAsync(sessionId, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await EmulatorServer.ReadJsonAsync(response)).GetProperty("state").GetString()!;
    }
}
