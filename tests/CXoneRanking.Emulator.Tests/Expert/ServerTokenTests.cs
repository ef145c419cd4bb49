namespace CXoneRanking.Emulator.Tests.Expert;

public sealed class ServerTokenTests
{
    [Theory]
    [InlineData("=admin", "1", "admin")]
    [InlineData("1", "1", "admin")]
    [InlineData("=AGENT", "3", "agent")]
    [InlineData("3", "3", "agent")]
    [InlineData("%3Dadmin", "1", "admin")]
    [InlineData("=J%C3%B6rg", "4", "J\u00f6rg")]
    [InlineData("=night%5Fshift", "5", "night_shift")]
    [InlineData("=night_shift", "5", "night_shift")]
    [InlineData("=ad%256Din", "6", "ad%6Din")]
    [InlineData("=%3Dteam", "7", "=team")]
    [InlineData("=ranking-bot", "8", "ranking-bot")] // the user of the README's and the help's examples
    [InlineData("=ad%6Din", "1", "admin")] // the site decodes what was signed: a raw '%' is read as an escape
    public async Task A_valid_token_signs_in_as_the_user_it_names(string user, string id, string name)
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock);

        var current = await ExpertApi.GetXmlAsync(server, "users/current", ExpertApi.TokenNow(clock, user));

        Assert.Equal(id, current.Attribute("id")!.Value);
        Assert.Equal(name, current.Element("username")!.Value);
    }

    [Fact]
    public async Task An_upper_case_hash_as_NICE_csharp_sample_sends_is_accepted()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock);
        var token = ExpertApi.Token(clock.GetUtcNow().ToUnixTimeSeconds(), upperHex: true);

        var current = await ExpertApi.GetXmlAsync(server, "users/current", token);

        Assert.Equal("admin", current.Element("username")!.Value);
    }

    [Theory]
    [InlineData(-300, "admin")]
    [InlineData(300, "admin")]
    [InlineData(-301, "Anonymous")]
    [InlineData(301, "Anonymous")]
    public async Task A_token_is_good_for_five_minutes_either_side_of_the_clock(int skewSeconds, string expected)
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock);
        var token = ExpertApi.Token(clock.GetUtcNow().ToUnixTimeSeconds() + skewSeconds);

        var current = await ExpertApi.GetXmlAsync(server, "users/current", token);

        Assert.Equal(expected, current.Element("username")!.Value);
    }

    [Fact]
    public async Task A_token_expires_as_the_clock_moves_on()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock);
        var token = ExpertApi.TokenNow(clock);
        Assert.Equal("admin", (await ExpertApi.GetXmlAsync(server, "users/current", token)).Element("username")!.Value);

        clock.Advance(TimeSpan.FromSeconds(301));

        Assert.Equal("Anonymous", (await ExpertApi.GetXmlAsync(server, "users/current", token)).Element("username")!.Value);
    }

    private static (string? Token, string Status)[] RefusedTokens(long epoch) =>
    [
        (null, "missing"),
        ("", "malformed"),
        ("Bearer abc", "malformed"),
        ("tkn_emulator-expert-key_notanumber_=admin_00", "malformed"),
        (ExpertApi.Token(epoch, key: "other-key"), "unknown_key"),
        (ExpertApi.Token(epoch, secret: "wrong-secret"), "bad_signature"),
        (ExpertApi.Token(epoch, user: "=nobody"), "unknown_user"),
        (ExpertApi.Token(epoch, user: "99"), "unknown_user"),
        (ExpertApi.Token(epoch)[..^2] + "zz", "bad_signature"),
    ];

    [Fact]
    public async Task A_missing_or_refused_token_runs_the_request_as_Anonymous_and_the_journal_says_why()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock);

        foreach (var (token, status) in RefusedTokens(clock.GetUtcNow().ToUnixTimeSeconds()))
        {
            var current = await ExpertApi.GetXmlAsync(server, "users/current", token);
            Assert.Equal("2", current.Attribute("id")!.Value);
            Assert.Equal("Anonymous", current.Element("username")!.Value);
            var entry = (await server.JournalAsync()).Last();
            Assert.Equal(status, entry.GetProperty("token_status").GetString());
            Assert.Equal("Anonymous", entry.GetProperty("ran_as").GetString());
        }
    }

    [Fact]
    public async Task The_key_and_secret_come_from_the_command_line()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock, "--expert-key", "k1", "--expert-secret", "s1");
        var epoch = clock.GetUtcNow().ToUnixTimeSeconds();

        var own = await ExpertApi.GetXmlAsync(server, "users/current", ExpertApi.Token(epoch, key: "k1", secret: "s1"));
        var defaults = await ExpertApi.GetXmlAsync(server, "users/current", ExpertApi.Token(epoch));

        Assert.Equal("admin", own.Element("username")!.Value);
        Assert.Equal("Anonymous", defaults.Element("username")!.Value);
    }

    [Fact]
    public async Task The_current_user_in_json_is_Dreams_shape()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock);

        var user = await ExpertApi.GetJsonAsync(server, "users/current", ExpertApi.TokenNow(clock));

        Assert.Equal("1", user.GetProperty("@id").GetString());
        Assert.Equal("admin", user.GetProperty("username").GetString());
        Assert.Equal("Admin", user.GetProperty("permissions.user").GetProperty("role").GetString());
        Assert.Equal("", user.GetProperty("language").GetString());
        Assert.Equal("Mon, 15 Jan 2024 09:00:00 GMT", user.GetProperty("date.created").GetString());
    }
}
