using System.Net.Http.Headers;

namespace CXoneRanking.Emulator.Tests;

public sealed class BearerTokenTests
{
    [Fact]
    public async Task A_ranking_without_a_token_is_401()
    {
        await using var server = await EmulatorServer.StartAsync();

        using var response = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("invalid_token", (await EmulatorServer.ReadJsonAsync(response)).GetProperty("error").GetString());
        await AssertNothingAppliedAsync(server, "s-1");
    }

    [Fact]
    public async Task A_ranking_with_a_token_the_emulator_never_issued_is_401()
    {
        await using var server = await EmulatorServer.StartAsync();

        using var response = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token: "made-up");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingAppliedAsync(server, "s-1");
    }

    [Fact]
    public async Task A_token_in_another_scheme_is_401()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.SessionUri("s-1"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_stops_working_when_its_lifetime_is_over()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock, "--token-lifetime", "60");
        var token = await server.GetTokenAsync();

        clock.Advance(TimeSpan.FromSeconds(59));
        using (var fresh = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token);
        using var status = await server.GetStatusAsync("s-1", token);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("token expired", (await EmulatorServer.ReadJsonAsync(expired)).GetProperty("error_description").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, status.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.PostRankingAsync("s-1", Payloads.Json("s-1"), await server.GetTokenAsync())).StatusCode);
    }

    [Fact]
    public async Task Session_status_needs_a_token()
    {
        await using var server = await EmulatorServer.StartAsync();

        using var anonymous = await server.GetStatusAsync("s-1", token: null);
        using var bogus = await server.GetStatusAsync("s-1", token: "bogus");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bogus.StatusCode);
    }

    private static async Task AssertNothingAppliedAsync(EmulatorServer server, string sessionId) =>
        await server.GetJsonAsync($"/_emulator/rankings/{sessionId}", HttpStatusCode.NotFound);
}
