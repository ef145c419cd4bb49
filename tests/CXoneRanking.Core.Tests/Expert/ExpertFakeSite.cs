using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CXoneRanking.Api;
using CXoneRanking.Expert;
using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Tests.Expert;

/// <summary>
/// A stand-in Expert site: answers each request from <see cref="Answer"/> (200 "{}" by default) and
/// records what was asked and which token came with it. It notes whether anyone disposed it.
/// </summary>
internal sealed class ExpertFakeSite : HttpMessageHandler
{
    public const string Secret = "0123456789abcdef-secret";

    public Func<HttpRequestMessage, HttpResponseMessage> Answer { get; set; } = _ => Text(HttpStatusCode.OK, "{}");
    public ConcurrentQueue<ExpertRequest> Requests { get; } = new();
    public bool Disposed { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = request.Headers.TryGetValues("X-Deki-Token", out var values) ? values.Single() : null;
        Requests.Enqueue(new ExpertRequest(request.Method.Method, request.RequestUri!, token));
        return Task.FromResult(Answer(request));
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    public static HttpResponseMessage Text(HttpStatusCode status, string body, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    // The attempt timeout runs on the fake clock; tests that move the clock inside an answer choose their own.
    public static ExpertSettings Settings(
        ExpertFakeSite site, TimeProvider? time = null, int maxAttempts = 3, TimeSpan? requestTimeout = null) => new()
    {
        Site = new Uri("https://help.example.test"),
        Key = "abc123",
        Secret = SecureStrings.FromText(Secret),
        User = "=admin",
        RequestTimeout = requestTimeout ?? TimeSpan.FromDays(1),
        Handler = site,
        Time = time ?? new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)),
        MaxAttempts = maxAttempts,
        RetryBaseDelay = TimeSpan.Zero,
    };

    /// <summary>The query parameters of a request, unescaped.</summary>
    public static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => Uri.UnescapeDataString(kv[0]), kv => Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : string.Empty));
}

internal sealed record ExpertRequest(string Method, Uri Uri, string? Token);
