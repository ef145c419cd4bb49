using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CXoneRanking.Api;

/// <summary>
/// The two calls of the ranking contract (docs/design.md#wire-contract), one HTTP attempt each. Headers are set
/// here and never logged; bodies are logged at Debug only.
/// </summary>
internal sealed class RankingApi(HttpClient http, Uri baseUri, PathTemplate ranking, PathTemplate session, string clientVersion, TimeProvider time)
{
    // The templates insert the session id as one segment whatever it holds: '/', '?', '#', '%'
    // and spaces are all escaped.
    public Uri RankingUri(string sessionId) => new(baseUri, ranking.Expand(sessionId));

    public Uri SessionUri(string sessionId) => new(baseUri, session.Expand(sessionId));

    public async Task<AttemptOutcome> PostRankingAsync(AccessToken token, string sessionId, byte[] body, string idempotencyKey, ILogger log,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, RankingUri(sessionId)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (log.IsEnabled(LogLevel.Debug))
            log.LogDebug("POST {Uri} (Idempotency-Key {Key}) body: {Body}", request.RequestUri, idempotencyKey,
                System.Text.Encoding.UTF8.GetString(body));
        return await SendAsync(request, token, log, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AttemptOutcome> GetSessionAsync(AccessToken token, string sessionId, ILogger log, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SessionUri(sessionId));
        return await SendAsync(request, token, log, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"locked", "active", or null when the answer says neither.</summary>
    public static string? SessionState(AttemptOutcome outcome)
    {
        if (!outcome.IsSuccess) return null;
        try
        {
            using var json = JsonDocument.Parse(outcome.Body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("state", out var s)
                && s.ValueKind == JsonValueKind.String
                ? s.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<AttemptOutcome> SendAsync(HttpRequestMessage request, AccessToken token, ILogger log, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("X-CXone-Client-Version", clientVersion);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var body = await HttpBodies.ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            log.LogInformation("{Method} {Path} -> {Status} in {Elapsed} ms", request.Method, request.RequestUri!.AbsolutePath,
                (int)response.StatusCode, clock.ElapsedMilliseconds);
            if (log.IsEnabled(LogLevel.Debug)) log.LogDebug("Response body: {Body}", body);
            return AttemptOutcome.FromResponse((int)response.StatusCode, body, RetryAfterHeader.Read(response.Headers.RetryAfter, time.GetUtcNow()),
                HttpRedirects.Location(response));
        }
        catch (FormatException e)
        {
            // A header value the handler refuses before sending (sign-in already refuses such tokens):
            // nothing went out, so it is this session's named failure, not an exception ending the run.
            throw new CXoneAuthenticationException(
                $"The request could not be built, so nothing was sent: a header value cannot be carried ({e.Message})", null, e);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested
            && e is HttpRequestException or IOException or OperationCanceledException)
        {
            // A dropped connection or a handler timeout: transient. Our own cancellation is not.
            log.LogInformation("{Method} {Path} failed after {Elapsed} ms: {Fault}", request.Method, request.RequestUri!.AbsolutePath,
                clock.ElapsedMilliseconds, e.Message);
            return AttemptOutcome.FromFault(e);
        }
    }
}
