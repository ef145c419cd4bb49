using System.Net;
using System.Text;
using CXoneRanking.Api;

namespace CXoneRanking.Tests.Api;

public sealed class AccessKeyTests
{
    private static Task<CXoneConnection> ConnectAsync(AccessKeyHandler handler, Uri? baseUri = null, TimeProvider? time = null, string? rankingPath = null) =>
        CXoneConnection.ConnectAsync(new ConnectionSettings
        {
            BaseUri = baseUri,
            AccessKey = AccessKeyHandler.Credentials(),
            RankingPathTemplate = rankingPath ?? PathTemplate.DefaultRanking,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RequestTimeout = TimeSpan.FromSeconds(5),
            Handler = handler,
            Time = time ?? TimeProvider.System,
        }, CancellationToken.None);

    [Fact]
    public async Task Discovers_the_token_endpoint_signs_in_with_the_password_grant_and_discovers_the_API()
    {
        var handler = new AccessKeyHandler();
        using var connection = await ConnectAsync(handler);

        var requests = handler.Requests.ToArray();
        Assert.Equal("https://issuer.example.test/.well-known/openid-configuration", requests[0].Uri.ToString());
        Assert.Equal("https://issuer.example.test/auth/token", requests[1].Uri.ToString());
        Assert.Equal("https://issuer.example.test/.well-known/cxone-configuration?tenantId=tenant-42", requests[2].Uri.ToString());
        var form = requests[1].Body.Split('&').ToDictionary(p => p.Split('=')[0], p => WebUtility.UrlDecode(p.Split('=')[1]));
        Assert.Equal(new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = "key-id", ["password"] = AccessKeyHandler.KeySecret }, form);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("app%3Aid:app-secret%3Awith%25odd%2Bchars")), requests[1].Authorization);

        Assert.Equal(new Uri(AccessKeyHandler.Api), connection.BaseUri);
        Assert.True(connection.ApiEndpointDiscovered);
        Assert.Equal("tenant-42", connection.TenantId);
        Assert.Equal("password", connection.GrantType);
        Assert.Equal(new Uri("https://issuer.example.test/auth/token"), connection.TokenUri);
        Assert.Contains("tenant-42", connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_given_base_URI_skips_the_API_discovery_and_needs_no_tenant_id()
    {
        var handler = new AccessKeyHandler { IdTokenClaims = null };
        using var connection = await ConnectAsync(handler, new Uri("https://gateway.example.test/ranking"));

        Assert.Equal(new Uri("https://gateway.example.test/ranking/"), connection.BaseUri);
        Assert.False(connection.ApiEndpointDiscovered);
        Assert.Null(connection.TenantId);
        Assert.DoesNotContain(handler.Requests, r => r.Uri.AbsolutePath.Contains("cxone-configuration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_tenant_id_and_without_a_base_URI_the_error_says_to_give_one()
    {
        var handler = new AccessKeyHandler { IdTokenClaims = """{"sub":"key"}""" };
        var e = await Assert.ThrowsAsync<CXoneAuthenticationException>(() => ConnectAsync(handler));
        Assert.Contains("-BaseUri", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"tenantId":"t-1"}""", "t-1")]
    [InlineData("""{"tenant_id":"t-2"}""", "t-2")]
    [InlineData("""{"tenantId":"t-1","tenant_id":"t-2"}""", "t-1")]
    [InlineData("""{"tenantId":42}""", null)]
    [InlineData("""{"sub":"x"}""", null)]
    [InlineData("""[1]""", null)]
    [InlineData("""not json""", null)]
    public void Reads_the_tenant_id_claim_without_validating_the_signature(string claims, string? expected) =>
        Assert.Equal(expected, IdTokenClaims.TenantId(AccessKeyHandler.Jwt(claims)));

    [Theory]
    [InlineData("")]
    [InlineData("one.part")]
    [InlineData("a.!!!.c")]
    public void A_malformed_id_token_has_no_tenant(string idToken) => Assert.Null(IdTokenClaims.TenantId(idToken));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a b", "a+b")]
    [InlineData("id:with:colons", "id%3Awith%3Acolons")]
    [InlineData("p%+&=/é*-._~", "p%25%2B%26%3D%2F%C3%A9*-._%7E")]
    public void Basic_client_authentication_form_encodes_before_base64(string text, string encoded)
    {
        Assert.Equal(encoded, ClientSecretBasic.FormEncode(text));
        var header = ClientSecretBasic.Header(text, text);
        Assert.Equal("Basic", header.Scheme);
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter!));
        Assert.Equal($"{encoded}:{encoded}", pair);
        Assert.Equal(text, WebUtility.UrlDecode(pair[..pair.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task Renews_with_the_refresh_token_before_expiry()
    {
        var clock = new ManualClock();
        var handler = new AccessKeyHandler { TokenLifetimeSeconds = 600 };
        using var connection = await ConnectAsync(handler, time: clock);
        var first = await connection.GetTokenAsync(CancellationToken.None);

        clock.Now += TimeSpan.FromSeconds(500);
        Assert.Same(first, await connection.GetTokenAsync(CancellationToken.None));
        clock.Now += TimeSpan.FromSeconds(45); // 55 s left: under the 60 s margin, not yet expired
        var renewed = await connection.GetTokenAsync(CancellationToken.None);

        Assert.NotEqual(first.Value, renewed.Value);
        Assert.Equal(["password", "refresh_token"], handler.Grants);
        var refresh = handler.Requests.Last(r => r.Uri.AbsolutePath == "/auth/token");
        Assert.Contains("refresh_token=rt-1", refresh.Body, StringComparison.Ordinal);
        Assert.StartsWith("Basic ", refresh.Authorization, StringComparison.Ordinal);
        Assert.DoesNotContain("password=", refresh.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_refresh_uses_the_rotated_refresh_token()
    {
        var handler = new AccessKeyHandler();
        using var connection = await ConnectAsync(handler);
        connection.InvalidateToken(await connection.GetTokenAsync(CancellationToken.None));
        connection.InvalidateToken(await connection.GetTokenAsync(CancellationToken.None));
        await connection.GetTokenAsync(CancellationToken.None);

        var bodies = handler.Requests.Where(r => r.Uri.AbsolutePath == "/auth/token").Select(r => r.Body).ToArray();
        Assert.Contains("refresh_token=rt-1", bodies[1], StringComparison.Ordinal);
        Assert.Contains("refresh_token=rt-2", bodies[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task A_refused_refresh_falls_back_to_the_password_grant(HttpStatusCode refusal)
    {
        var handler = new AccessKeyHandler();
        using var connection = await ConnectAsync(handler);
        handler.RefreshAnswers.Enqueue(refusal);
        connection.InvalidateToken(await connection.GetTokenAsync(CancellationToken.None));

        var token = await connection.GetTokenAsync(CancellationToken.None);

        Assert.Equal("at-2", token.Value);
        Assert.Equal(["password", "refresh_token", "password"], handler.Grants);
        var grant = Assert.IsType<PasswordGrant>(connection.Grant);
        Assert.Equal(1, grant.Fallbacks);
        Assert.Equal(0, grant.Refreshes);
    }

    [Fact]
    public async Task A_refused_access_key_names_neither_secret()
    {
        var handler = new RefusingHandler();
        var e = await Assert.ThrowsAsync<CXoneAuthenticationException>(() => CXoneConnection.ConnectAsync(new ConnectionSettings
        {
            AccessKey = AccessKeyHandler.Credentials(),
            Handler = handler,
        }, CancellationToken.None));

        Assert.Equal(400, e.HttpStatus);
        Assert.Contains("invalid_grant", e.Message, StringComparison.Ordinal);
        Assert.Contains("access key", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessKeyHandler.KeySecret, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("with%odd", e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AccessKeyHandler.KeySecret, AccessKeyHandler.Credentials().ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://issuer.example.test/auth/token")]
    [InlineData("not a uri")]
    public async Task A_discovered_token_endpoint_must_pass_the_endpoint_policy(string tokenEndpoint)
    {
        var handler = new AccessKeyHandler { TokenEndpoint = tokenEndpoint };
        await Assert.ThrowsAsync<CXoneAuthenticationException>(() => ConnectAsync(handler));
        Assert.DoesNotContain(handler.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task An_unknown_tenant_in_the_API_discovery_fails_the_connect_with_the_status()
    {
        var handler = new AccessKeyHandler { IdTokenClaims = """{"tenantId":"someone-else"}""" };
        var e = await Assert.ThrowsAsync<CXoneAuthenticationException>(() => ConnectAsync(handler));
        Assert.Equal(404, e.HttpStatus);
        Assert.Contains("cxone-configuration", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silent_issuer_times_out_naming_the_discovery_document()
    {
        var e = await Assert.ThrowsAsync<CXoneAuthenticationException>(() => CXoneConnection.ConnectAsync(new ConnectionSettings
        {
            AccessKey = AccessKeyHandler.Credentials(),
            RequestTimeout = TimeSpan.FromMilliseconds(200),
            TotalTimeout = TimeSpan.FromSeconds(1),
            Handler = new SilentHandler(),
        }, CancellationToken.None));
        Assert.Null(e.HttpStatus);
        Assert.Contains("openid-configuration", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submits_through_a_custom_ranking_path_with_the_session_escaped_as_one_segment()
    {
        var handler = new AccessKeyHandler();
        using var connection = await ConnectAsync(handler, rankingPath: "/tenant-svc/v1/rank/{sessionId}/apply");
        var submitter = TestConnections.Submitter(connection);

        var result = await submitter.SubmitAsync(TestConnections.Ranking("a/b c"), CancellationToken.None);

        Assert.Equal(SubmissionStatus.Succeeded, result.Status);
        var post = handler.Requests.Single(r => r.Method == "POST" && r.Uri.Host == "api-c1.example.test");
        Assert.Equal("/tenant-svc/v1/rank/a%2Fb%20c/apply", post.Uri.AbsolutePath);
        Assert.Equal("Bearer at-1", post.Authorization);
    }
}

file sealed class SilentHandler : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}

file sealed class RefusingHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(request.Method == HttpMethod.Get
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"token_endpoint":"https://issuer.example.test/auth/token"}""") }
            : new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("""{"error":"invalid_grant","error_description":"key-secret-Zq9-never-shown"}""") });
}
