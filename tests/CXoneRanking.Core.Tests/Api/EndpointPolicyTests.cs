using System.Net.Http.Headers;
using CXoneRanking.Api;

namespace CXoneRanking.Tests.Api;

public sealed class EndpointPolicyTests
{
    [Theory]
    [InlineData("https://acme.api.cxone.com", true)]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.1.2.3", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://acme.api.cxone.com", false)]
    [InlineData("http://10.0.0.5", false)]
    [InlineData("ftp://127.0.0.1", false)]
    public void Plain_http_only_to_loopback(string uri, bool allowed) =>
        Assert.Equal(allowed, EndpointPolicy.Problem(new Uri(uri), "base URI") is null);

    [Fact]
    public void Retry_after_reads_seconds_and_dates_and_is_capped()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfterHeader.Read(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), now));
        Assert.Equal(RetryAfterHeader.Cap, RetryAfterHeader.Read(new RetryConditionHeaderValue(TimeSpan.FromHours(2)), now));
        Assert.Equal(TimeSpan.FromSeconds(20), RetryAfterHeader.Read(new RetryConditionHeaderValue(now.AddSeconds(20)), now));
        Assert.Equal(TimeSpan.Zero, RetryAfterHeader.Read(new RetryConditionHeaderValue(now.AddSeconds(-20)), now));
        Assert.Null(RetryAfterHeader.Read(null, now));
    }

    [Fact]
    public async Task A_wrong_secret_fails_at_connect_without_echoing_anything_secret()
    {
        var settings = new ConnectionSettings
        {
            BaseUri = new Uri("https://tenant.example.test"),
            Credentials = new ClientCredentials(new Uri("https://tenant.example.test/oauth/token"), "client", SecureStrings.FromText("s3cr3t-value"), ClientCredentials.DefaultScopes),
            Handler = new RefusingHandler(),
        };
        var error = await Assert.ThrowsAsync<CXoneAuthenticationException>(() => CXoneConnection.ConnectAsync(settings, CancellationToken.None));
        Assert.Equal("The token endpoint https://tenant.example.test/oauth/token refused the request: 401 invalid_client (check the client id and secret)", error.Message);
        Assert.Equal(401, error.HttpStatus);
    }

    [Fact]
    public void The_connection_and_credentials_never_show_the_secret()
    {
        var credentials = new ClientCredentials(new Uri("https://t.example/oauth/token"), "client", SecureStrings.FromText("s3cr3t-value"), ClientCredentials.DefaultScopes);
        Assert.DoesNotContain("s3cr3t", credentials.ToString());
        Assert.All(typeof(ClientCredentials).GetProperties().Concat(typeof(CXoneConnection).GetProperties()),
            p => Assert.NotEqual(typeof(System.Security.SecureString), p.PropertyType));
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(ScriptedHandler.Json(System.Net.HttpStatusCode.Unauthorized, """{"error":"invalid_client","error_description":"secret s3cr3t-value is wrong"}"""));
    }
}
