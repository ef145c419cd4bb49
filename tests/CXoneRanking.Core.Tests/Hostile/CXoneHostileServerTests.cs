using System.Text;
using CXoneRanking.Api;
using CXoneRanking.Tests.Api;
using Microsoft.Extensions.Logging.Abstractions;

namespace CXoneRanking.Tests.Hostile;

/// <summary>
/// The CXone client against a real socket that misbehaves (docs/reliability.md): the token
/// endpoint, the ranking API and the feedback callback never follow a redirect, and every
/// transport fault ends as a named failure, never a raw exception.
/// </summary>
public sealed class CXoneHostileServerTests
{
    private const string Secret = "Hostile-Client-Secret-42";
    private const string Token = """{"access_token":"tok-1","expires_in":3600}""";

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_token_endpoint_redirect_is_refused_and_the_other_host_gets_no_secret(int status)
    {
        using var other = HostileServer.Start(HostileAnswer.Status(200, Token));
        using var tenant = HostileServer.Start(HostileAnswer.Redirect(status, new Uri(other.Uri, "oauth/token")));

        var error = await Assert.ThrowsAsync<CXoneAuthenticationException>(() => CXoneConnection.ConnectAsync(Settings(tenant), default));

        Assert.Empty(other.Requests);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal(new Uri(other.Uri, "oauth/token"), error.RedirectLocation);
        Assert.Contains(other.Uri.GetLeftPart(UriPartial.Authority) + "/oauth/token", error.Message);
        Assert.DoesNotContain(Secret, error.ToString());
    }

    [Fact]
    public async Task A_discovery_document_redirect_is_refused_before_the_access_key_is_sent_anywhere()
    {
        using var other = HostileServer.Start(HostileAnswer.Status(200, "{}"));
        using var issuer = HostileServer.Start(HostileAnswer.Redirect(302, new Uri(other.Uri, ".well-known/openid-configuration")));
        var settings = new ConnectionSettings
        {
            AccessKey = new AccessKeyCredentials(issuer.Uri, "app", SecureStrings.FromText(Secret), "key-id", SecureStrings.FromText("key-secret")),
            BaseUri = issuer.Uri,
        };

        var error = await Assert.ThrowsAsync<CXoneAuthenticationException>(() => CXoneConnection.ConnectAsync(settings, default));

        Assert.Empty(other.Requests);
        Assert.Equal(302, error.HttpStatus);
        Assert.NotNull(error.RedirectLocation);
        Assert.Contains("discovery document", error.Message);
    }

    [Fact]
    public async Task A_ranking_post_redirect_is_refused_once_and_the_other_host_gets_nothing()
    {
        using var other = HostileServer.Start(HostileAnswer.Status(200, "{}"));
        using var tenant = HostileServer.Start(request => request.Target == "/oauth/token"
            ? HostileAnswer.Status(200, Token)
            : HostileAnswer.Redirect(307, new Uri(other.Uri, "ranking")));
        using var connection = await CXoneConnection.ConnectAsync(Settings(tenant), default);

        var result = await TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), default);

        Assert.Empty(other.Requests);
        Assert.Equal((SubmissionStatus.RedirectRefused, 307, 1), (result.Status, result.HttpStatus, result.Attempts));
        Assert.Contains(other.Uri.GetLeftPart(UriPartial.Authority) + "/ranking", result.Error);
    }

    [Fact]
    public async Task A_feedback_callback_redirect_is_not_followed()
    {
        using var other = HostileServer.Start(HostileAnswer.Status(200));
        using var tenant = HostileServer.Start(request => request.Target switch
        {
            "/oauth/token" => HostileAnswer.Status(200, Token),
            "/callback" => HostileAnswer.Redirect(307, new Uri(other.Uri, "callback")),
            _ => HostileAnswer.Status(200, "{}"),
        });
        using var connection = await CXoneConnection.ConnectAsync(Settings(tenant), default);
        var options = new SubmitOptions { CallbackUri = new Uri(tenant.Uri, "callback"), CallbackSecret = SecureStrings.FromText("cb-secret") };

        var result = await new RankingSubmitter(connection, null, options, NullLogger.Instance).SubmitAsync(TestConnections.Ranking(), default);

        Assert.Equal(SubmissionStatus.Succeeded, result.Status);
        Assert.Empty(other.Requests);
        Assert.Contains("redirect", result.CallbackError);
    }

    [Fact]
    public async Task A_token_answer_cut_short_is_a_named_failure_not_a_raw_exception()
    {
        using var tenant = HostileServer.Start(HostileAnswer.CutBody(1000, """{"access_token":"""));

        var error = await Assert.ThrowsAsync<CXoneAuthenticationException>(() => CXoneConnection.ConnectAsync(Settings(tenant), default));

        Assert.Null(error.HttpStatus); // could not be read: Connect-CXone says TokenEndpointUnreachable
        Assert.Contains("token endpoint", error.Message);
    }

    [Fact]
    public async Task A_token_renewal_cut_short_mid_run_ends_the_session_with_a_status_not_an_exception()
    {
        var tokens = 0;
        using var tenant = HostileServer.Start(request => request.Target != "/oauth/token" ? HostileAnswer.Status(200, "{}")
            : Interlocked.Increment(ref tokens) == 1 ? HostileAnswer.Status(200, """{"access_token":"short","expires_in":0.001}""")
            : HostileAnswer.CutBody(1000, """{"access_token":"""));
        using var connection = await CXoneConnection.ConnectAsync(Settings(tenant), default);

        var result = await TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), default);

        Assert.Equal(SubmissionStatus.Unauthorized, result.Status);
        Assert.Contains("Could not reach the token endpoint", result.Error);
    }

    [Fact]
    public async Task A_ranking_answer_cut_short_is_retried_with_the_same_key_then_a_transport_failure()
    {
        using var tenant = HostileServer.Start(request => request.Target == "/oauth/token"
            ? HostileAnswer.Status(200, Token)
            : HostileAnswer.CutBody(1000, "{\"ok\""));
        using var connection = await CXoneConnection.ConnectAsync(Settings(tenant), default);

        var result = await TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), default);

        Assert.Equal((SubmissionStatus.TransportFailure, 3), (result.Status, result.Attempts));
        var posts = tenant.Requests.Where(r => r.Target != "/oauth/token").ToList();
        Assert.Equal(3, posts.Count);
        Assert.Single(posts.Select(p => p.Headers["Idempotency-Key"]).Distinct());
    }

    [Fact]
    public async Task Token_headers_then_silence_end_by_the_request_timeout()
    {
        using var tenant = HostileServer.Start(HostileAnswer.HeadersThenSilence());

        var error = await Assert.ThrowsAsync<CXoneAuthenticationException>(
            () => CXoneConnection.ConnectAsync(Settings(tenant, TimeSpan.FromMilliseconds(500)), default));

        Assert.Null(error.HttpStatus);
        Assert.Contains("did not answer within", error.Message);
    }

    [Fact]
    public async Task Token_headers_larger_than_the_limit_are_a_named_failure()
    {
        using var tenant = HostileServer.Start(HostileAnswer.HugeHeaders(256 * 1024));

        var error = await Assert.ThrowsAsync<CXoneAuthenticationException>(() => CXoneConnection.ConnectAsync(Settings(tenant), default));

        Assert.Null(error.HttpStatus);
    }

    [Fact]
    public async Task A_token_answer_that_is_not_UTF8_is_refused_rather_than_repaired_into_a_token()
    {
        var body = Encoding.UTF8.GetBytes("""{"access_token":"tok""").Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("\",\"expires_in\":3600}")).ToArray();
        using var tenant = HostileServer.Start(HostileAnswer.Bytes(200, body));

        var error = await Assert.ThrowsAsync<CXoneAuthenticationException>(() => CXoneConnection.ConnectAsync(Settings(tenant), default));

        Assert.Contains("UTF-8", error.Message);
    }

    private static ConnectionSettings Settings(HostileServer tenant, TimeSpan? timeout = null) => new()
    {
        BaseUri = tenant.Uri,
        Credentials = new ClientCredentials(new Uri(tenant.Uri, "oauth/token"), "client", SecureStrings.FromText(Secret),
            ClientCredentials.DefaultScopes),
        MaxAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
    };
}
