using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CXoneRanking.Api;

namespace CXoneRanking.Tests.Api;

/// <summary>
/// A scripted CXone issuer and API: the two discovery documents, a token endpoint that answers the
/// password and refresh grants (or scripted refusals), and a ranking API that accepts everything.
/// Every request is recorded with its Authorization header and body.
/// </summary>
internal sealed class AccessKeyHandler : HttpMessageHandler
{
    public const string Issuer = "https://issuer.example.test";
    public const string Api = "https://api-c1.example.test/";
    public const string Tenant = "tenant-42";
    public const string ClientSecret = "app-secret:with%odd+chars";
    public const string KeySecret = "key-secret-Zq9-never-shown";

    private int _tokens;

    public ConcurrentQueue<(string Method, Uri Uri, string? Authorization, string Body)> Requests { get; } = new();
    public ConcurrentQueue<HttpStatusCode> RefreshAnswers { get; } = new();
    public string TokenEndpoint { get; set; } = Issuer + "/auth/token";
    public string? IdTokenClaims { get; set; } = $$"""{"sub":"key","tenantId":"{{Tenant}}"}""";
    public int TokenLifetimeSeconds { get; set; } = 3600;

    public IEnumerable<string> Grants => Requests.Where(r => r.Uri.AbsolutePath == "/auth/token")
        .Select(r => r.Body.Split('&').First(p => p.StartsWith("grant_type=", StringComparison.Ordinal))[11..]);

    public static string Jwt(string claimsJson) =>
        IdTokenClaimsFixture.Encode("""{"alg":"none"}""") + "." + IdTokenClaimsFixture.Encode(claimsJson) + ".sig";

    public static AccessKeyCredentials Credentials(string issuer = Issuer) =>
        new(new Uri(issuer), "app:id", SecureStrings.FromText(ClientSecret), "key-id", SecureStrings.FromText(KeySecret));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.Method.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        var uri = request.RequestUri!;
        switch (uri.AbsolutePath)
        {
            case "/.well-known/openid-configuration":
                return Json(HttpStatusCode.OK, $$"""{"issuer":"{{Issuer}}","token_endpoint":"{{TokenEndpoint}}"}""");
            case "/.well-known/cxone-configuration":
                return uri.Query == "?tenantId=" + Tenant
                    ? Json(HttpStatusCode.OK, $$"""{"api_endpoint":"{{Api}}"}""")
                    : Json(HttpStatusCode.NotFound, """{"error":"unknown_tenant"}""");
            case "/auth/token":
                if (body.Contains("grant_type=refresh_token", StringComparison.Ordinal) && RefreshAnswers.TryDequeue(out var refusal))
                    return Json(refusal, """{"error":"invalid_grant"}""");
                var n = Interlocked.Increment(ref _tokens);
                var idToken = IdTokenClaims is null ? string.Empty : $$""","id_token":"{{Jwt(IdTokenClaims)}}" """;
                return Json(HttpStatusCode.OK, $$"""{"access_token":"at-{{n}}","expires_in":{{TokenLifetimeSeconds}},"refresh_token":"rt-{{n}}"{{idToken}}}""");
            default:
                return Json(HttpStatusCode.OK, request.Method == HttpMethod.Get ? """{"state":"active"}""" : """{"accepted":true}""");
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

internal static class IdTokenClaimsFixture
{
    public static string Encode(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
