namespace CXoneRanking.Emulator.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Three_hundred_sessions_posted_at_once_are_all_applied_and_journaled()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        var sessions = Enumerable.Range(0, 300).Select(i => $"c-{i}").ToArray();

        var statuses = await Task.WhenAll(sessions.Select(async s =>
        {
            using var response = await server.PostRankingAsync(s, Payloads.Json(s), token, $"key-{s}");
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(300, (await server.GetJsonAsync("/")).GetProperty("sessions").GetInt32());
        var journal = await server.JournalAsync();
        Assert.Equal(301, journal.Length);
        Assert.Equal(sessions.Order(), journal.Skip(1).Select(e => e.GetProperty("session_id").GetString()!).Order());
        Assert.Equal(Enumerable.Range(1, 301).Select(i => (long)i), journal.Select(e => e.GetProperty("sequence").GetInt64()));
    }

    [Fact]
    public async Task Fifty_identical_idempotent_posts_at_once_apply_once()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        var body = Payloads.Json("s-1");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // All fifty wait at the gate, so they reach the server together rather than one by one.
        var posts = Enumerable.Range(0, 50).Select(async _ =>
        {
            await gate.Task;
            using var response = await server.PostRankingAsync("s-1", body, token, "same-key");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToArray();
        gate.SetResult();
        var replies = await Task.WhenAll(posts);

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(replies.Select(r => r.Body).Distinct());
        Assert.Equal(1, (await server.GetJsonAsync("/_emulator/rankings/s-1")).GetProperty("applied_count").GetInt32());
        var outcomes = (await server.JournalAsync()).Skip(1).Select(e => e.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(1, outcomes.Count(o => o == "applied"));
        Assert.Equal(49, outcomes.Count(o => o == "replayed"));
    }

    [Fact]
    public async Task Concurrent_posts_to_one_session_leave_exactly_one_whole_ranking()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();

        await Task.WhenAll(Enumerable.Range(1, 40).Select(async n =>
        {
            using var response = await server.PostRankingAsync("s-1", Payloads.Json("s-1", window: 50, snippets: n), token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }));

        var ranking = await server.GetJsonAsync("/_emulator/rankings/s-1");
        Assert.Equal(40, ranking.GetProperty("applied_count").GetInt32());
        var payload = ranking.GetProperty("payload");
        var ids = payload.GetProperty("snippets").EnumerateArray().Select(s => s.GetProperty("snippet_id").GetString()).ToList();
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => $"KB-{i:000}"), ids);
    }
}
