using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CXoneRanking.Tests.Api;

/// <summary>
/// An HTTP handler that answers from a script: token requests get fresh tokens, ranking POSTs get
/// the scripted answers in order (then 200), and every request is recorded for assertions.
/// </summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> _rankingAnswers = new();
    private int _tokens;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public int TokenRequests => _tokens;
    public TimeSpan TokenDelay { get; set; }
    public Func<HttpRequestMessage, HttpResponseMessage>? SessionAnswer { get; set; }

    /// <summary>A token the API treats as expired: every request bearing it gets 401.</summary>
    public string? ExpiredToken { get; set; }

    /// <summary>True once something disposed this handler; a connection given it must not.</summary>
    public bool Disposed { get; private set; }

    public ScriptedHandler Then(HttpStatusCode status, string body = "{}", Action<HttpResponseMessage>? shape = null)
    {
        _rankingAnswers.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            shape?.Invoke(response);
            return response;
        });
        return this;
    }

    public ScriptedHandler ThenDrop()
    {
        _rankingAnswers.Enqueue(_ => throw new HttpRequestException("connection reset by peer"));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(request.Method.Method, request.RequestUri!, request.Headers.Authorization?.Parameter,
            request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null, body,
            request.Headers.TryGetValues("X-CXone-Client-Version", out var versions) ? versions.Single() : null));
        if (request.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal))
        {
            await Task.Delay(TokenDelay, cancellationToken);
            var n = Interlocked.Increment(ref _tokens);
            return Json(HttpStatusCode.OK, $$"""{"access_token":"tok-{{n}}","expires_in":3600,"token_type":"Bearer"}""");
        }
        if (request.Headers.Authorization?.Parameter == ExpiredToken)
            return Json(HttpStatusCode.Unauthorized, """{"error":"invalid_token"}""");
        if (request.Method == HttpMethod.Get)
            return SessionAnswer?.Invoke(request) ?? Json(HttpStatusCode.OK, """{"state":"active"}""");
        return _rankingAnswers.TryDequeue(out var answer) ? answer(request) : Json(HttpStatusCode.OK, """{"accepted":true}""");
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

internal sealed record RecordedRequest(string Method, Uri Uri, string? Bearer, string? IdempotencyKey, string Body, string? ClientVersion);
