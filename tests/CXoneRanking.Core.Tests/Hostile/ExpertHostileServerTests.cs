using System.Text;
using CXoneRanking.Api;
using CXoneRanking.Expert;

namespace CXoneRanking.Tests.Hostile;

/// <summary>
/// The Expert client against a real socket that misbehaves (docs/reliability.md): every fault ends
/// in one <see cref="ExpertApiException"/> with its failure, reads are retried, and a redirect is
/// never followed with the token.
/// </summary>
public sealed class ExpertHostileServerTests
{
    private const string Admin = """{"@id":"1","username":"admin"}""";

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_to_another_host_is_refused_and_the_other_host_gets_nothing(int status)
    {
        using var other = HostileServer.Start(HostileAnswer.Status(200, Admin));
        using var site = HostileServer.Start(HostileAnswer.Redirect(status, new Uri(other.Uri, "@api/deki/users/current?x=1")));

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => ExpertConnection.ConnectAsync(Settings(site), default));

        Assert.Empty(other.Requests);
        Assert.Equal((ExpertFailure.Redirected, (int?)status), (error.Failure, error.HttpStatus));
        Assert.Contains(other.Uri.GetLeftPart(UriPartial.Authority) + "/@api/deki/users/current", error.Message);
        Assert.DoesNotContain("x=1", error.Message);
        Assert.Single(site.Requests);
    }

    [Fact]
    public async Task A_body_cut_short_is_retried_into_success_for_a_read()
    {
        using var site = HostileServer.Start(HostileAnswer.CutBody(1000, "{\"@id\""), HostileAnswer.Status(200, Admin));

        using var connection = await ExpertConnection.ConnectAsync(Settings(site), default);

        Assert.Equal("admin", connection.SignedInAs!.Username);
        Assert.Equal(2, site.Requests.Count);
    }

    [Fact]
    public async Task A_body_cut_short_every_time_ends_as_a_transport_failure_after_every_attempt()
    {
        using var site = HostileServer.Start(HostileAnswer.CutBody(1000, "{\"@id\""));
        using var connection = new ExpertConnection(Settings(site));

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => connection.SearchAsync("refund"));

        Assert.Equal(ExpertFailure.Transport, error.Failure);
        Assert.Equal(3, site.Requests.Count);
        Assert.Contains(site.Uri.GetLeftPart(UriPartial.Authority), error.Message);
    }

    [Fact]
    public async Task A_selection_cut_short_is_not_sent_twice_and_ends_as_a_transport_failure()
    {
        using var site = HostileServer.Start(HostileAnswer.CutBody(1000, "{"));
        using var connection = new ExpertConnection(Settings(site));

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => connection.RegisterSelectionAsync(4, 9, 0.8, 1));

        Assert.Equal(ExpertFailure.Transport, error.Failure);
        Assert.Equal("POST", Assert.Single(site.Requests).Method);
    }

    [Fact]
    public async Task Headers_then_silence_end_by_the_request_timeout_on_every_attempt()
    {
        using var site = HostileServer.Start(HostileAnswer.HeadersThenSilence());
        using var connection = new ExpertConnection(Settings(site, maxAttempts: 2, timeout: TimeSpan.FromMilliseconds(500)));

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => connection.SearchAsync("refund"));

        Assert.Equal(ExpertFailure.Timeout, error.Failure);
        Assert.Equal(2, (await site.RequestsOnceAsync(2)).Count);
    }

    [Fact]
    public async Task Headers_larger_than_the_limit_end_as_a_transport_failure()
    {
        using var site = HostileServer.Start(HostileAnswer.HugeHeaders(256 * 1024));

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => ExpertConnection.ConnectAsync(Settings(site), default));

        Assert.Equal(ExpertFailure.Transport, error.Failure);
    }

    [Fact]
    public async Task An_answer_that_is_not_UTF8_is_unreadable_not_silently_repaired()
    {
        var body = Encoding.UTF8.GetBytes("""{"@id":"1","username":"adm""").Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes("in\"}")).ToArray();
        using var site = HostileServer.Start(HostileAnswer.Bytes(200, body));

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => ExpertConnection.ConnectAsync(Settings(site), default));

        Assert.Equal(ExpertFailure.UnreadableAnswer, error.Failure);
        Assert.Contains("UTF-8", error.Message);
        Assert.Single(site.Requests);
    }

    private static ExpertSettings Settings(HostileServer site, int maxAttempts = 3, TimeSpan? timeout = null) => new()
    {
        Site = site.Uri,
        Key = "abc123",
        Secret = SecureStrings.FromText("0123456789abcdef-secret"),
        User = "=admin",
        MaxAttempts = maxAttempts,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
    };
}
