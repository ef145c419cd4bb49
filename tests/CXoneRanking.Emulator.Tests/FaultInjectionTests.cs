namespace CXoneRanking.Emulator.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Scripted_faults_answer_the_next_ranking_posts_in_order_then_service_resumes()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        using var queued = await server.QueueFaultsAsync("s-1", "[429, 500, 409, 401, \"reset\", 503]");
        Assert.Equal(6, (await EmulatorServer.ReadJsonAsync(queued)).GetProperty("pending").GetInt32());

        var statuses = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add(await StatusOfAsync(server, "s-1", token));
        }

        Assert.Equal(["429", "500", "409", "401", "reset", "503", "200"], statuses);
        Assert.Equal(
            ["fault", "fault", "fault", "fault", "fault", "fault", "applied"],
            (await server.JournalAsync()).Skip(1).Select(e => e.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Scripted_answers_look_like_the_real_ones()
    {
        await using var server = await EmulatorServer.StartAsync("--retry-after", "7");
        var token = await server.GetTokenAsync();
        (await server.QueueFaultsAsync("s-1", "[429, 409, 401, 500]")).Dispose();

        using var limited = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token);
        using var locked = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token);
        using var unauthorized = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token);
        using var failed = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token);

        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter!.Delta);
        Assert.Equal("rate_limited", (await EmulatorServer.ReadJsonAsync(limited)).GetProperty("error").GetString());
        Assert.Equal("session_locked", (await EmulatorServer.ReadJsonAsync(locked)).GetProperty("error").GetString());
        Assert.Equal("Bearer", unauthorized.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("engine_failure", (await EmulatorServer.ReadJsonAsync(failed)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Retry_after_defaults_to_one_second()
    {
        await using var server = await EmulatorServer.StartAsync();
        (await server.QueueFaultsAsync("s-1", "[429]")).Dispose();

        using var limited = await server.PostRankingAsync("s-1", Payloads.Json("s-1"), await server.GetTokenAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task Scripted_faults_touch_only_their_session_and_not_the_status_endpoint()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        (await server.QueueFaultsAsync("s-1", "[500]")).Dispose();

        using var status = await server.GetStatusAsync("s-1", token);
        Assert.Equal("200", await StatusOfAsync(server, "s-2", token));
        Assert.Equal("500", await StatusOfAsync(server, "s-1", token));

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task A_reset_fault_drops_the_connection_and_is_journaled_without_a_status()
    {
        await using var server = await EmulatorServer.StartAsync();
        var token = await server.GetTokenAsync();
        (await server.QueueFaultsAsync("s-1", "[\"reset\"]")).Dispose();

        await Assert.ThrowsAsync<HttpRequestException>(() => server.PostRankingAsync("s-1", Payloads.Json("s-1"), token));

        var entry = (await server.JournalAsync()).Last();
        Assert.Equal("fault", entry.GetProperty("outcome").GetString());
        Assert.Equal("reset", entry.GetProperty("detail").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("status").ValueKind);
        await server.GetJsonAsync("/_emulator/rankings/s-1", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"session_id\":\"s-1\",\"responses\":[200]}")]
    [InlineData("{\"session_id\":\"s-1\",\"responses\":[\"429\"]}")]
    [InlineData("{\"session_id\":\"s-1\",\"responses\":[\"boom\"]}")]
    [InlineData("{\"session_id\":\"s-1\",\"responses\":[]}")]
    [InlineData("{\"session_id\":\"\",\"responses\":[500]}")]
    [InlineData("{\"responses\":[500]}")]
    [InlineData("{\"session_id\":\"s-1\",\"responses\":[500],\"count\":2}")]
    [InlineData("not json")]
    public async Task A_bad_fault_script_is_refused_and_scripts_nothing(string script)
    {
        await using var server = await EmulatorServer.StartAsync();

        using var response = await server.PostControlAsync("/_emulator/faults", script);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("200", await StatusOfAsync(server, "s-1", await server.GetTokenAsync()));
    }

    [Fact]
    public async Task A_seeded_fault_rate_meets_the_same_faults_every_run_and_another_seed_differs()
    {
        const string rates = "429=0.2,500=0.15,409=0.1,reset=0.1";
        var first = await RunSequenceAsync("--fault-rate", rates, "--seed", "42");
        var again = await RunSequenceAsync("--fault-rate", rates, "--seed", "42");
        var other = await RunSequenceAsync("--fault-rate", rates, "--seed", "7");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(["200", "409", "429", "500", "reset"], first.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_rate_of_one_faults_every_ranking_post()
    {
        var statuses = await RunSequenceAsync("--fault-rate", "503=1");

        Assert.All(statuses, s => Assert.Equal("503", s));
    }

    private static async Task<List<string>> RunSequenceAsync(params string[] options)
    {
        await using var server = await EmulatorServer.StartAsync(options);
        var token = await server.GetTokenAsync();
        var statuses = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add(await StatusOfAsync(server, "s-1", token));
        }

        return statuses;
    }

    private static async Task<string> StatusOfAsync(EmulatorServer server, string sessionId, string token)
    {
        try
        {
            using var response = await server.PostRankingAsync(sessionId, Payloads.Json(sessionId), token);
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            return "reset";
        }
    }
}
