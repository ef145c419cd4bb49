using CXoneRanking.Api;
using CXoneRanking.Tests.Api;

namespace CXoneRanking.Tests.Hostile;

/// <summary>
/// Answers that are well-formed HTTP but absurd (the hostile review's F1, F2, F3): a token that
/// lives for ages or cannot go in a header, and a gateway that answers 409 while its status says
/// "not locked". Each ends as a named outcome, never a raw exception, and never an unbounded loop.
/// </summary>
public sealed class CXoneHostileAnswerTests
{
    private const string Token = """{"access_token":"tok-1","expires_in":3600}""";

    [Theory]
    [InlineData("1e300")]
    [InlineData("300000000000")]
    [InlineData("99999999999999")]
    public async Task An_absurd_token_lifetime_is_bounded_and_the_submission_succeeds(string expiresIn)
    {
        using var tenant = HostileServer.Start(request => request.Target == "/oauth/token"
            ? HostileAnswer.Status(200, $$"""{"access_token":"tok-1","expires_in":{{expiresIn}}}""")
            : HostileAnswer.Status(200, "{}"));
        using var connection = await CXoneConnection.ConnectAsync(Settings(tenant), default);

        var result = await TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), default);

        Assert.True(connection.TokenExpiresAt <= DateTimeOffset.UtcNow + AccessToken.MaxLifetime);
        Assert.Equal(SubmissionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task A_renewal_with_an_absurd_lifetime_mid_run_still_ends_each_session_with_a_status()
    {
        var tokens = 0;
        using var tenant = HostileServer.Start(request => request.Target != "/oauth/token" ? HostileAnswer.Status(200, "{}")
            : Interlocked.Increment(ref tokens) == 1 ? HostileAnswer.Status(200, """{"access_token":"short","expires_in":0.001}""")
            : HostileAnswer.Status(200, """{"access_token":"long","expires_in":1e300}"""));
        using var connection = await CXoneConnection.ConnectAsync(Settings(tenant), default);
        var submitter = TestConnections.Submitter(connection);

        var results = await Task.WhenAll(submitter.SubmitAsync(TestConnections.Ranking("s-a"), default),
            submitter.SubmitAsync(TestConnections.Ranking("s-b"), default));

        Assert.All(results, result => Assert.Equal(SubmissionStatus.Succeeded, result.Status));
    }

    [Theory]
    [InlineData("T\\r\\nX-Evil: 1")]
    [InlineData("T\\u0000")]
    [InlineData("two words")]
    [InlineData("caf\\u00e9")]
    public async Task A_token_that_cannot_go_in_a_header_is_refused_at_sign_in(string accessToken)
    {
        using var tenant = HostileServer.Start(HostileAnswer.Status(200, $$"""{"access_token":"{{accessToken}}","expires_in":3600}"""));

        var error = await Assert.ThrowsAsync<CXoneAuthenticationException>(() => CXoneConnection.ConnectAsync(Settings(tenant), default));

        Assert.Contains("cannot carry", error.Message);
        Assert.DoesNotContain("X-Evil", error.Message);
        Assert.Single(tenant.Requests);
    }

    [Fact]
    public async Task A_renewal_answering_an_unsendable_token_fails_the_session_by_name_and_sends_nothing()
    {
        var tokens = 0;
        using var tenant = HostileServer.Start(request => request.Target != "/oauth/token" ? HostileAnswer.Status(200, "{}")
            : Interlocked.Increment(ref tokens) == 1 ? HostileAnswer.Status(200, """{"access_token":"short","expires_in":0.001}""")
            : HostileAnswer.Status(200, """{"access_token":"T\r\nX-Evil: 1","expires_in":3600}"""));
        using var connection = await CXoneConnection.ConnectAsync(Settings(tenant), default);

        var result = await TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), default);

        Assert.Equal(SubmissionStatus.Unauthorized, result.Status);
        Assert.Contains("cannot carry", result.Error);
        Assert.DoesNotContain(tenant.Requests, r => r.Target != "/oauth/token");
    }

    [Theory]
    [InlineData("""{"state":"active"}""")]
    [InlineData("""{"state":"available"}""")]
    public async Task A_409_while_the_status_says_unlocked_posts_at_most_MaxAttempts_times(string status)
    {
        using var tenant = HostileServer.Start(request => request.Target == "/oauth/token" ? HostileAnswer.Status(200, Token)
            : request.Method == "POST" ? HostileAnswer.Status(409, "{}")
            : HostileAnswer.Status(200, status));
        using var connection = await CXoneConnection.ConnectAsync(Settings(tenant), default);

        var result = await TestConnections.Submitter(connection, TimeSpan.FromSeconds(20)).SubmitAsync(TestConnections.Ranking(), default);

        Assert.Equal(3, tenant.Requests.Count(r => r.Method == "POST" && r.Target != "/oauth/token"));
        Assert.Equal((SubmissionStatus.SessionLocked, 3), (result.Status, result.Attempts));
        Assert.Contains("all 3", result.Error);
    }

    [Theory]
    [InlineData("""{"state":null}""")]
    [InlineData("""{"state":7}""")]
    [InlineData("""{"state":["active"]}""")]
    [InlineData("""{}""")]
    [InlineData("""[1]""")]
    public async Task An_unreadable_session_status_is_unknown_and_polled_until_the_lock_timeout(string status)
    {
        using var tenant = HostileServer.Start(request => request.Target == "/oauth/token" ? HostileAnswer.Status(200, Token)
            : request.Method == "POST" ? HostileAnswer.Status(409, "{}")
            : HostileAnswer.Status(200, status));
        using var connection = await CXoneConnection.ConnectAsync(Settings(tenant), default);

        var result = await TestConnections.Submitter(connection, TimeSpan.FromSeconds(1)).SubmitAsync(TestConnections.Ranking(), default);

        Assert.Equal((SubmissionStatus.SessionLocked, 1), (result.Status, result.Attempts));
        Assert.Contains("lock timeout", result.Error);
        Assert.Contains(tenant.Requests, r => r.Method == "GET");
    }

    // The contract's commit is the status code: a 2xx means the engine applied the ranking, so a body
    // that is not a JSON object only leaves Response empty (docs/design.md#status-codes).
    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("\"ok\"")]
    [InlineData("<html><body>OK</body></html>")]
    [InlineData("")]
    public async Task A_2xx_whose_body_is_not_a_JSON_object_is_applied_with_an_empty_response(string body)
    {
        using var tenant = HostileServer.Start(request => request.Target == "/oauth/token"
            ? HostileAnswer.Status(200, Token)
            : HostileAnswer.Status(200, body));
        using var connection = await CXoneConnection.ConnectAsync(Settings(tenant), default);

        var result = await TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), default);

        Assert.Equal((SubmissionStatus.Succeeded, 1), (result.Status, result.Attempts));
        Assert.Null(result.Response);
    }

    private static ConnectionSettings Settings(HostileServer tenant) => new()
    {
        BaseUri = tenant.Uri,
        Credentials = new ClientCredentials(new Uri(tenant.Uri, "oauth/token"), "client", SecureStrings.FromText("secret"),
            ClientCredentials.DefaultScopes),
        MaxAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RequestTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
    };
}
