namespace CXoneRanking.Emulator.Tests;

public sealed class JournalTests
{
    [Fact]
    public async Task The_journal_lists_each_api_request_in_order_with_what_happened()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        (await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token, "key-1")).Dispose();
        (await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token, "key-1")).Dispose();
        (await server.PostRankingAsync("s-1", Payloads.Json("s-1"), "stale")).Dispose();
        (await server.GetStatusAsync("s-1", token)).Dispose();
        (await server.Http.GetAsync("/api/v2/unknown")).Dispose();

        var journal = await server.JournalAsync();

        Assert.Equal(
            [("POST", "/oauth/token", 200, "token_issued"),
             ("POST", "/api/v2/agentassist/sessions/s-1/snippets/ranking", 200, "applied"),
             ("POST", "/api/v2/agentassist/sessions/s-1/snippets/ranking", 200, "replayed"),
             ("POST", "/api/v2/agentassist/sessions/s-1/snippets/ranking", 401, "rejected"),
             ("GET", "/api/v2/agentassist/sessions/s-1", 200, "status"),
             ("GET", "/api/v2/unknown", 404, "not_found")],
            journal.Select(e => (e.GetProperty("method").GetString(), e.GetProperty("path").GetString(),
                e.GetProperty("status").GetInt32(), e.GetProperty("outcome").GetString())));
        Assert.Equal("key-1", journal[1].GetProperty("idempotency_key").GetString());
        Assert.Equal("s-1", journal[1].GetProperty("session_id").GetString());
        Assert.Equal(JsonValueKind.Null, journal[0].GetProperty("session_id").ValueKind);
        Assert.Equal("unknown_token", journal[3].GetProperty("detail").GetString());
        Assert.True(journal.Select(e => e.GetProperty("sequence").GetInt64()).SequenceEqual(journal.Select(e => e.GetProperty("sequence").GetInt64()).Order()));
        Assert.All(journal, e => Assert.EndsWith("Z", e.GetProperty("time").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_journal_never_holds_the_secret_the_token_or_the_authorization_header()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        var wrong = EmulatorServer.GoodTokenForm();
        wrong["client_secret"] = "wrong-secret-Xy7";
        (await server.PostTokenAsync(wrong)).Dispose();
        (await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token)).Dispose();
        (await server.Http.PostAsync($"/oauth/token?client_secret={EmulatorServer.ClientSecret}", new FormUrlEncodedContent(EmulatorServer.GoodTokenForm()))).Dispose();

        using var response = await server.Http.GetAsync("/_emulator/journal");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(4, (await server.JournalAsync()).Length);
        Assert.DoesNotContain(EmulatorServer.ClientSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-Xy7", text, StringComparison.Ordinal);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("client_secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_requests_stay_out_of_the_journal()
    {
        await using var server = await EmulatorServer.StartAsync();
        (await server.LockAsync("s-1", 1)).Dispose();
        (await server.QueueFaultsAsync("s-1", "[500]")).Dispose();
        await server.GetJsonAsync("/");
        await server.GetJsonAsync("/_emulator/rankings/s-1", HttpStatusCode.NotFound);

        Assert.Empty(await server.JournalAsync());
    }

    [Fact]
    public async Task The_journal_filters_by_session()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        (await server.PostRankingAsync("a/b", Payloads.Json("a/b"), token)).Dispose();
        (await server.PostRankingAsync("s-2", Payloads.Json("s-2"), token)).Dispose();

        var filtered = await server.GetJsonAsync("/_emulator/journal?session_id=a%2Fb");

        Assert.Equal(1, filtered.GetProperty("count").GetInt32());
        Assert.Equal("a/b", filtered.GetProperty("entries")[0].GetProperty("session_id").GetString());
    }
}
