namespace CXoneRanking.Emulator.Tests;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task The_same_key_and_body_replay_the_first_answer_without_applying_again()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        var body = Payloads.Json("s-1");

        using var first = await server.PostRankingAsync("s-1", body, token, "key-1");
        using var second = await server.PostRankingAsync("s-1", body, token, "key-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        var ranking = await server.GetJsonAsync("/_emulator/rankings/s-1");
        Assert.Equal(1, ranking.GetProperty("applied_count").GetInt32());
        Assert.Equal("key-1", ranking.GetProperty("idempotency_key").GetString());
        Assert.Equal(["applied", "replayed"], (await server.JournalAsync()).Skip(1).Select(e => e.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_changes_nothing()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        using var first = await server.PostRankingAsync("s-1", Payloads.Json("s-1", snippets: 3), token, "key-1");
        var appliedId = (await EmulatorServer.ReadJsonAsync(first)).GetProperty("ranking_id").GetString();

        using var reuse = await server.PostRankingAsync("s-1", Payloads.Json("s-1", snippets: 2), token, "key-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reuse.StatusCode);
        Assert.Equal("idempotency_key_reuse", (await EmulatorServer.ReadJsonAsync(reuse)).GetProperty("error").GetString());
        var ranking = await server.GetJsonAsync("/_emulator/rankings/s-1");
        Assert.Equal(appliedId, ranking.GetProperty("ranking_id").GetString());
        Assert.Equal(3, ranking.GetProperty("payload").GetProperty("snippets").GetArrayLength());
    }

    [Fact]
    public async Task A_body_differing_only_in_whitespace_is_another_body()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        (await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token, "key-1")).Dispose();

        using var reuse = await server.PostRankingAsync("s-1", Payloads.Json("s-1") + " ", token, "key-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reuse.StatusCode);
    }

    [Fact]
    public async Task A_rejected_attempt_is_not_remembered_so_the_corrected_retry_applies()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();

        using var invalid = await server.PostRankingAsync("s-1", Payloads.Json("s-2"), token, "key-1");
        using var corrected = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token, "key-1");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
    }

    [Fact]
    public async Task A_locked_attempt_is_not_remembered_so_the_same_retry_applies_after_the_lock()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock);
        var token = await server.GetTokenAsync();
        (await server.LockAsync("s-1", 5)).Dispose();

        using var locked = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token, "key-1");
        clock.Advance(TimeSpan.FromSeconds(6));
        using var retry = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token, "key-1");

        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.False(retry.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Without_a_key_every_post_applies()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();

        (await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token)).Dispose();
        (await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token)).Dispose();

        Assert.Equal(2, (await server.GetJsonAsync("/_emulator/rankings/s-1")).GetProperty("applied_count").GetInt32());
    }

    [Fact]
    public async Task A_new_post_replaces_the_ranking_whole()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();

        (await server.PostRankingAsync("s-1", Payloads.Json("s-1", snippets: 5), token, "key-1")).Dispose();
        using var second = await server.PostRankingAsync("s-1", Payloads.Json("s-1", snippets: 2), token, "key-2");

        var accepted = await EmulatorServer.ReadJsonAsync(second);
        Assert.Equal(2, accepted.GetProperty("accepted").GetInt32());
        var ranking = await server.GetJsonAsync("/_emulator/rankings/s-1");
        Assert.Equal(accepted.GetProperty("ranking_id").GetString(), ranking.GetProperty("ranking_id").GetString());
        Assert.Equal(["KB-001", "KB-002"], ranking.GetProperty("payload").GetProperty("snippets").EnumerateArray()
            .Select(s => s.GetProperty("snippet_id").GetString()));
        Assert.Equal(2, ranking.GetProperty("applied_count").GetInt32());
        Assert.Equal("key-2", ranking.GetProperty("idempotency_key").GetString());
    }
}
