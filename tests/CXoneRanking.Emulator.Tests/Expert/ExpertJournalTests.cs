using System.Globalization;

namespace CXoneRanking.Emulator.Tests.Expert;

public sealed class ExpertJournalTests
{
    private const string Secret = "Expert-S3cret-never-journaled";

    [Fact]
    public async Task The_journal_keeps_route_user_and_token_epoch_but_never_the_token_its_hash_or_the_secret()
    {
        var clock = new ManualClock();
        await using var server = await EmulatorServer.StartAsync(clock, "--expert-key", "journal-key", "--expert-secret", Secret);
        var epoch = clock.GetUtcNow().ToUnixTimeSeconds();
        var token = ExpertApi.Token(epoch, "=admin", "journal-key", Secret);
        var hash = token[(token.LastIndexOf('_') + 1)..];
        var forged = ExpertApi.Token(epoch, "=admin", "journal-key", "guessed-secret");

        var queryId = await ExpertApi.SearchAsync(server, "refund", token);
        (await ExpertApi.SelectAsync(server, queryId, 101, 0.6, 1, token)).Dispose();
        await ExpertApi.GetXmlAsync(server, "site/query/log", token);
        await ExpertApi.GetXmlAsync(server, "users/current", forged);

        using var response = await server.Http.GetAsync(server.Raw("/_emulator/journal"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(forged[(forged.LastIndexOf('_') + 1)..], text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tkn_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("journal-key", text, StringComparison.Ordinal);

        var entries = await server.JournalAsync();
        Assert.Equal(
            ["GET site/query searched valid", "POST site/query/{queryid} selected valid", "GET site/query/log log_read valid",
             "GET users/current user bad_signature"],
            entries.Select(e => $"{e.GetProperty("method").GetString()} {e.GetProperty("route").GetString()} "
                + $"{e.GetProperty("outcome").GetString()} {e.GetProperty("token_status").GetString()}"));
        Assert.All(entries, e => Assert.Equal(epoch, e.GetProperty("token_epoch").GetInt64()));
        Assert.All(entries, e => Assert.Equal("=admin", e.GetProperty("token_user").GetString()));
        Assert.Equal(["admin", "admin", "admin", "Anonymous"], entries.Select(e => e.GetProperty("ran_as").GetString()));
        Assert.Equal(queryId.ToString(CultureInfo.InvariantCulture), entries[0].GetProperty("detail").GetString());
        Assert.Equal("/@api/deki/site/query", entries[0].GetProperty("path").GetString());
        Assert.All(entries, e => Assert.Equal(200, e.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task Ranking_entries_carry_no_expert_fields()
    {
        await using var server = await EmulatorServer.StartAsync();

        await server.GetTokenAsync();

        var entry = Assert.Single(await server.JournalAsync());
        Assert.False(entry.TryGetProperty("route", out _));
        Assert.False(entry.TryGetProperty("token_status", out _));
    }
}
