using CXoneRanking.Api;

namespace CXoneRanking.Tests.Api;

public sealed class TokenCacheTests
{
    [Fact]
    public async Task Many_concurrent_callers_cause_one_token_request()
    {
        var handler = new ScriptedHandler { TokenDelay = TimeSpan.FromMilliseconds(100) };
        using var connection = await TestConnections.ConnectAsync(handler);
        connection.InvalidateToken(await connection.GetTokenAsync(CancellationToken.None));

        var tokens = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => connection.GetTokenAsync(CancellationToken.None))));

        Assert.Single(tokens.Select(t => t.Value).Distinct());
        Assert.Equal(2, handler.TokenRequests);
    }

    [Fact]
    public async Task Concurrent_401s_for_one_token_renew_it_once()
    {
        var handler = new ScriptedHandler { ExpiredToken = "tok-1" };
        using var connection = await TestConnections.ConnectAsync(handler);
        var submitter = TestConnections.Submitter(connection);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => submitter.SubmitAsync(TestConnections.Ranking($"s-{i}"), CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(SubmissionStatus.Succeeded, r.Status));
        Assert.Equal(2, handler.TokenRequests);
    }

    [Theory]
    [InlineData(3600, 3539, false)]
    [InlineData(3600, 3541, true)]
    [InlineData(10, 4, false)]
    [InlineData(10, 5, true)]
    public void Renews_when_under_a_minute_or_half_the_lifetime_remains(int lifetime, int elapsed, bool expected)
    {
        var issued = DateTimeOffset.UnixEpoch;
        var token = new AccessToken("t", issued, TimeSpan.FromSeconds(lifetime));
        Assert.Equal(expected, token.NeedsRenewal(issued.AddSeconds(elapsed)));
        Assert.DoesNotContain("t ", token.ToString().Replace("token", string.Empty));
    }
}
