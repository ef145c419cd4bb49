using System.Net;
using CXoneRanking.Api;
using CXoneRanking.Expert;
using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Tests.Expert;

/// <summary>How an Expert connection fails: each HTTP failure is one clear exception, never a secret.</summary>
public sealed class ExpertConnectionErrorTests
{
    private const string Admin = """{"@id":"1","@href":"https://help.example.test/@api/deki/users/1","username":"admin","nick":"admin"}""";

    [Fact]
    public async Task Sign_in_names_the_user_the_token_signs_in_as()
    {
        var site = new ExpertFakeSite { Answer = _ => ExpertFakeSite.Text(HttpStatusCode.OK, Admin) };

        using var connection = await ExpertConnection.ConnectAsync(ExpertFakeSite.Settings(site), CancellationToken.None);

        Assert.Equal((1L, "admin"), (connection.SignedInAs!.Id, connection.SignedInAs.Username));
        var request = Assert.Single(site.Requests);
        Assert.Equal("https://help.example.test/@api/deki/users/current?dream.out.format=json", request.Uri.ToString());
    }

    [Theory]
    [InlineData("""{"@id":"2","username":"Anonymous"}""")]
    [InlineData("""<user id="2"><username>Anonymous</username></user>""")]
    public async Task A_token_answered_as_Anonymous_is_an_authentication_failure(string body)
    {
        var site = new ExpertFakeSite { Answer = _ => ExpertFakeSite.Text(HttpStatusCode.OK, body) };

        var error = await Assert.ThrowsAsync<ExpertAuthenticationException>(
            () => ExpertConnection.ConnectAsync(ExpertFakeSite.Settings(site), default));

        Assert.Equal(ExpertFailure.Authentication, error.Failure);
        Assert.Contains("Anonymous", error.Message);
        Assert.False(site.Disposed, "the handler the caller gave is theirs to dispose");
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, ExpertFailure.Authentication, typeof(ExpertAuthenticationException), 1)]
    [InlineData(HttpStatusCode.Forbidden, ExpertFailure.Forbidden, typeof(ExpertAuthenticationException), 1)]
    [InlineData(HttpStatusCode.NotFound, ExpertFailure.NotFound, typeof(ExpertApiException), 1)]
    [InlineData(HttpStatusCode.BadRequest, ExpertFailure.Rejected, typeof(ExpertApiException), 1)]
    [InlineData(HttpStatusCode.InternalServerError, ExpertFailure.ServerError, typeof(ExpertApiException), 3)]
    [InlineData((HttpStatusCode)429, ExpertFailure.RateLimited, typeof(ExpertApiException), 3)]
    public async Task Each_failing_status_maps_to_its_failure_after_the_right_number_of_attempts(
        HttpStatusCode status, ExpertFailure failure, Type type, int attempts)
    {
        var echo = $"<error><message>{ExpertFakeSite.Secret}</message></error>";
        var site = new ExpertFakeSite { Answer = _ => ExpertFakeSite.Text(status, echo, "application/xml") };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site, maxAttempts: 3));

        var error = await Assert.ThrowsAnyAsync<ExpertApiException>(() => connection.SearchAsync("refund"));

        Assert.IsType(type, error);
        Assert.Equal((failure, (int?)status), (error.Failure, error.HttpStatus));
        Assert.Equal(attempts, site.Requests.Count);
        Assert.Contains("help.example.test", error.Message);
        Assert.Contains("site/query", error.Message);
        Assert.DoesNotContain(ExpertFakeSite.Secret, error.ToString());
        Assert.DoesNotContain("tkn_", error.ToString());
    }

    [Fact]
    public async Task A_rate_limit_that_clears_is_retried_into_success()
    {
        var calls = 0;
        var site = new ExpertFakeSite
        {
            Answer = _ => Interlocked.Increment(ref calls) < 3
                ? ExpertFakeSite.Text(HttpStatusCode.TooManyRequests, "")
                : ExpertFakeSite.Text(HttpStatusCode.OK, """{"@queryid":"4","result":{"id":"9","rank":"0.8"}}"""),
        };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site, maxAttempts: 3));

        var search = await connection.SearchAsync("vpn");

        Assert.Equal((4L, 9L), (search.QueryId, search.Results[0].PageId));
        Assert.Equal(3, site.Requests.Count);
    }

    [Fact]
    public async Task A_dropped_connection_is_a_transport_failure_after_retries()
    {
        var site = new ExpertFakeSite { Answer = _ => throw new HttpRequestException("connection reset by peer") };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site, maxAttempts: 2));

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => connection.VerifySignInAsync(default));

        Assert.Equal(ExpertFailure.Transport, error.Failure);
        Assert.Contains("connection reset", error.Message);
        Assert.Equal(2, site.Requests.Count);
    }

    [Fact]
    public async Task A_site_that_does_not_answer_in_time_is_a_timeout_after_every_attempt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var site = new ExpertFakeSite();
        site.Answer = _ =>
        {
            clock.Advance(TimeSpan.FromSeconds(31));
            return ExpertFakeSite.Text(HttpStatusCode.OK, "{}");
        };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site, clock, maxAttempts: 2, requestTimeout: TimeSpan.FromSeconds(30)));

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => connection.VerifySignInAsync(default));

        Assert.Equal(ExpertFailure.Timeout, error.Failure);
        Assert.Contains("30 s", error.Message);
        Assert.Equal(2, site.Requests.Count);
    }

    [Fact]
    public async Task An_answer_over_the_cap_is_refused_without_being_read_whole()
    {
        var huge = "{\"@queryid\":\"1\",\"x\":\"" + new string('x', 5 * 1024 * 1024) + "\"}";
        var site = new ExpertFakeSite { Answer = _ => ExpertFakeSite.Text(HttpStatusCode.OK, huge) };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site));

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => connection.SearchAsync("q"));

        Assert.Equal(ExpertFailure.AnswerTooLarge, error.Failure);
        Assert.Contains("1 MiB", error.Message);
        Assert.Single(site.Requests);
    }

    [Fact]
    public async Task A_cancelled_request_throws_OperationCanceledException()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var site = new ExpertFakeSite();
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.SearchAsync("q", cancellationToken: cancel.Token));
    }

    [Theory]
    [InlineData("http://help.example.test", "plain http")]
    [InlineData("ftp://help.example.test", "https")]
    public void A_site_that_is_not_https_or_loopback_is_refused(string site, string says)
    {
        var settings = ExpertFakeSite.Settings(new ExpertFakeSite());
        var error = Assert.Throws<ArgumentException>(() => new ExpertConnection(Copy(settings, site: new Uri(site))));

        Assert.Contains(says, error.Message);
    }

    [Fact]
    public void Plain_http_to_loopback_is_allowed_and_a_bad_setting_never_echoes_the_secret()
    {
        var settings = ExpertFakeSite.Settings(new ExpertFakeSite());
        using var local = new ExpertConnection(Copy(settings, site: new Uri("http://127.0.0.1:5099")));
        Assert.Equal("http://127.0.0.1:5099/@api/deki/", local.ApiUri.ToString());

        var error = Assert.Throws<ArgumentException>(() => new ExpertConnection(Copy(settings, key: "ab_c")));
        Assert.Contains("'_'", error.Message);
        Assert.DoesNotContain(ExpertFakeSite.Secret, error.ToString());
    }

    [Fact]
    public async Task Disposing_leaves_the_given_handler_alone_and_refuses_further_requests()
    {
        var site = new ExpertFakeSite();
        var connection = new ExpertConnection(ExpertFakeSite.Settings(site));

        connection.Dispose();

        Assert.False(site.Disposed);
        Assert.True(connection.IsDisconnected);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => connection.SearchAsync("q"));
    }

    private static ExpertSettings Copy(ExpertSettings s, Uri? site = null, string? key = null) => new()
    {
        Site = site ?? s.Site,
        Key = key ?? s.Key,
        Secret = SecureStrings.FromText(ExpertFakeSite.Secret),
        User = s.User,
        Handler = s.Handler,
        Time = s.Time,
    };
}
