namespace CXoneRanking.Emulator.Tests;

/// <summary>Session ids that need escaping travel as one path segment and come out exactly as they went in.</summary>
public sealed class EscapedSessionIdTests
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../x")]
    [InlineData("?x")]
    [InlineData("#")]
    [InlineData("%")]
    [InlineData("a%2Fb")]
    [InlineData("a%252Fb")]
    [InlineData("ünï/cödé+&=;")]
    public async Task A_session_id_round_trips_exactly(string sessionId)
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();

        using var posted = await server.PostRankingAsync(sessionId, Payloads.Json(sessionId), token);
        using var status = await server.GetStatusAsync(sessionId, token);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(sessionId, (await EmulatorServer.ReadJsonAsync(posted)).GetProperty("session_id").GetString());
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var ranking = await server.GetJsonAsync($"/_emulator/rankings/{EmulatorServer.Escape(sessionId)}");
        Assert.Equal(sessionId, ranking.GetProperty("session_id").GetString());
        Assert.Equal(sessionId, ranking.GetProperty("payload").GetProperty("session_id").GetString());
        Assert.All(await server.JournalAsync(), e => Assert.True(
            e.GetProperty("path").GetString() == "/oauth/token" || e.GetProperty("session_id").GetString() == sessionId));
    }

    [Fact]
    public async Task An_escaped_slash_and_an_escaped_percent_sign_are_different_sessions()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();

        // The path says "a/b" (a%2Fb); a body claiming the literal "a%2Fb" must not match it.
        using var mismatch = await server.PostRankingAsync("a/b", Payloads.Json("a%2Fb"), token);
        (await server.PostRankingAsync("a/b", Payloads.Json("a/b", snippets: 1), token)).Dispose();
        (await server.PostRankingAsync("a%2Fb", Payloads.Json("a%2Fb", snippets: 2), token)).Dispose();

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal(1, (await server.GetJsonAsync("/_emulator/rankings/a%2Fb")).GetProperty("payload").GetProperty("snippets").GetArrayLength());
        Assert.Equal(2, (await server.GetJsonAsync("/_emulator/rankings/a%252Fb")).GetProperty("payload").GetProperty("snippets").GetArrayLength());
    }

    [Fact]
    public async Task A_lock_on_an_escaped_session_id_locks_that_session_only()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();

        (await server.LockAsync("..", 60)).Dispose();

        using var dots = await server.PostRankingAsync("..", Payloads.Json(".."), token);
        using var dot = await server.PostRankingAsync(".", Payloads.Json("."), token);
        Assert.Equal(HttpStatusCode.Conflict, dots.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dot.StatusCode);
    }

    [Fact]
    public async Task An_empty_session_segment_is_not_a_route()
    {
        await using var server = await EmulatorServer.StartAsync();

        using var response = await server.Http.PostAsync(server.Raw("/api/v2/agentassist/sessions//snippets/ranking"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
