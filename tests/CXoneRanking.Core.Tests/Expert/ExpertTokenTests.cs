using System.Security.Cryptography;
using System.Text;
using CXoneRanking.Expert;
using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Tests.Expert;

/// <summary>The server API token: its format, its HMAC, and a fresh one for every request.</summary>
public sealed class ExpertTokenTests
{
    [Fact]
    public void A_token_matches_a_vector_computed_independently()
    {
        using var secret = ExpertSecret.From(Encoding.UTF8.GetBytes(ExpertFakeSite.Secret));

        var token = ExpertServerToken.Create("abc123", 1_700_000_000, "=admin", secret);

        // Computed outside .NET (Python hmac/hashlib) from the documented recipe.
        Assert.Equal("tkn_abc123_1700000000_=admin_fc7e9ae2c23241ff00e37bdec8e72c6d1838d371ebe4d6fb3ac2867190e192ea", token);
    }

    [Theory]
    [InlineData("=admin")]
    [InlineData("17")]
    [InlineData("=jane.doe")]
    public void The_hash_is_lowercase_hex_HMAC_SHA256_of_key_epoch_user(string user)
    {
        using var secret = ExpertSecret.From(Encoding.UTF8.GetBytes("another secret"));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("another secret"));
        var expected = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes($"k9_1234567890_{user}"))).ToLowerInvariant();

        Assert.Equal($"tkn_k9_1234567890_{user}_{expected}", ExpertServerToken.Create("k9", 1_234_567_890, user, secret));
    }

    [Theory]
    [InlineData("=Jörg", "=J%C3%B6rg")]
    [InlineData("=ad%6Din", "=ad%256Din")]
    [InlineData("=night_shift", "=night%5Fshift")]
    [InlineData("==team", "=%3Dteam")]
    [InlineData("=jane doe", "=jane%20doe")]
    [InlineData("17", "17")]
    public void The_user_part_is_percent_encoded_UTF8_for_signing_and_sending_alike(string user, string sent)
    {
        using var secret = ExpertSecret.From(Encoding.UTF8.GetBytes("another secret"));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("another secret"));
        var expected = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes($"k9_1234567890_{sent}"))).ToLowerInvariant();

        Assert.Equal($"tkn_k9_1234567890_{sent}_{expected}", ExpertServerToken.Create("k9", 1_234_567_890, user, secret));
    }

    [Theory]
    [InlineData("=Jörg")]
    [InlineData("=ad%6Din")]
    [InlineData("==team")]
    public void A_username_of_any_printable_characters_is_accepted(string user)
    {
        var settings = ExpertFakeSite.Settings(new ExpertFakeSite());

        Assert.Null(new ExpertSettings
        {
            Site = settings.Site, Key = settings.Key, Secret = settings.Secret, User = user,
        }.Problem());
    }

    [Fact]
    public async Task Every_request_gets_a_fresh_token_with_the_current_epoch()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var site = new ExpertFakeSite { Answer = _ => ExpertFakeSite.Text(System.Net.HttpStatusCode.OK, """{"@id":"1","username":"admin"}""") };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site, clock));

        await connection.VerifySignInAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(7));
        await connection.VerifySignInAsync(CancellationToken.None);

        var tokens = site.Requests.Select(r => r.Token!).ToList();
        Assert.StartsWith("tkn_abc123_1700000000_=admin_", tokens[0]);
        Assert.StartsWith("tkn_abc123_1700000420_=admin_", tokens[1]);
        using var secret = ExpertSecret.From(Encoding.UTF8.GetBytes(ExpertFakeSite.Secret));
        Assert.Equal(ExpertServerToken.Create("abc123", 1_700_000_420, "=admin", secret), tokens[1]);
    }

    [Fact]
    public async Task A_retried_request_is_signed_again_at_the_time_of_the_retry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var answers = 0;
        var site = new ExpertFakeSite();
        site.Answer = _ =>
        {
            clock.Advance(TimeSpan.FromSeconds(90));
            return Interlocked.Increment(ref answers) == 1
                ? ExpertFakeSite.Text(System.Net.HttpStatusCode.ServiceUnavailable, "")
                : ExpertFakeSite.Text(System.Net.HttpStatusCode.OK, """{"@id":"1","username":"admin"}""");
        };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site, clock));

        await connection.VerifySignInAsync(CancellationToken.None);

        var epochs = site.Requests.Select(r => r.Token!.Split('_')[2]).ToList();
        Assert.Equal(["1700000000", "1700000090"], epochs);
    }

    [Fact]
    public void The_secret_and_a_token_never_show_in_ToString()
    {
        var site = new ExpertFakeSite();
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site));
        using var secret = ExpertSecret.From(Encoding.UTF8.GetBytes(ExpertFakeSite.Secret));

        var shown = connection.ToString();

        Assert.Contains("help.example.test", shown);
        Assert.Contains("=admin", shown);
        Assert.Contains("abc123", shown);
        Assert.DoesNotContain(ExpertFakeSite.Secret, shown);
        Assert.DoesNotContain("tkn_", shown);
        Assert.DoesNotContain(ExpertFakeSite.Secret, secret.ToString());
    }

    [Fact]
    public void A_disposed_secret_refuses_to_sign()
    {
        var secret = ExpertSecret.From(Encoding.UTF8.GetBytes(ExpertFakeSite.Secret));
        secret.Dispose();

        Assert.Throws<ObjectDisposedException>(() => secret.Sign("abc123_1_=admin"));
    }
}
