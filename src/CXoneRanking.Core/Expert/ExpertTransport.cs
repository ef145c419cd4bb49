using System.Text;
using CXoneRanking.Api;
using Polly;
using Polly.Timeout;

namespace CXoneRanking.Expert;

/// <summary>
/// Sends one request to the site's API through the resilience pipeline and gives back the body of
/// a 2xx answer; anything else becomes an <see cref="ExpertApiException"/> (see <see cref="ExpertErrors"/>).
/// Each attempt is a new request, so the token handler signs each one afresh.
/// </summary>
internal sealed class ExpertTransport(HttpClient http, Uri apiUri, ExpertSettings settings)
{
    private readonly ResiliencePipeline<ExpertAnswer> _reads = ExpertResilienceFactory.Create(settings, idempotent: true);
    private readonly ResiliencePipeline<ExpertAnswer> _writes = ExpertResilienceFactory.Create(settings, idempotent: false);

    /// <param name="method">GET to read, POST to register a selection.</param>
    /// <param name="relative">The path and query under <c>/@api/deki/</c>.</param>
    /// <param name="endpoint">The endpoint's name for messages, e.g. "site/query".</param>
    /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
    public Task<string> SendAsync(HttpMethod method, string relative, string endpoint, CancellationToken cancellationToken) =>
        SendAsync(method, new Uri(apiUri, relative), endpoint, cancellationToken);

    public async Task<string> SendAsync(HttpMethod method, Uri uri, string endpoint, CancellationToken cancellationToken)
    {
        var pipeline = method == HttpMethod.Get ? _reads : _writes;
        ExpertAnswer answer;
        try
        {
            answer = await pipeline.ExecuteAsync(token => AttemptAsync(method, uri, endpoint, token), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw ExpertErrors.TimedOut(apiUri, endpoint, settings.RequestTimeout, e);
        }
        return ExpertErrors.BodyOrThrow(answer, apiUri, endpoint, settings.MaxAnswerBytes);
    }

    private async ValueTask<ExpertAnswer> AttemptAsync(HttpMethod method, Uri uri, string endpoint, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("application/xml");
        try
        {
            // The body is read inside the attempt: one cut short is a transport failure, retried like a refused connection.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var (body, tooLarge) = await ExpertAnswerBody.ReadAsync(response.Content, settings.MaxAnswerBytes, cancellationToken)
                .ConfigureAwait(false);
            var retryAfter = RetryAfterHeader.Read(response.Headers.RetryAfter, settings.Time.GetUtcNow());
            return ExpertAnswer.FromResponse((int)response.StatusCode, body, tooLarge, retryAfter, HttpRedirects.Location(response));
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return ExpertAnswer.FromFault(e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // Cut off by the attempt's timeout (or the caller): let the pipeline see the cancellation.
            throw new OperationCanceledException(e.Message, e, cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            throw ExpertErrors.Unreadable(endpoint, "it is not valid UTF-8");
        }
    }
}
