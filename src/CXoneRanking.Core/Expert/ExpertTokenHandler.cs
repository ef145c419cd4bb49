namespace CXoneRanking.Expert;

/// <summary>
/// Stamps every request, retries included, with a freshly signed <c>X-Deki-Token</c> carrying the
/// current Unix time, so a long import never sends a token older than one attempt.
/// </summary>
internal sealed class ExpertTokenHandler(string key, string user, ExpertSecret secret, TimeProvider time) : DelegatingHandler
{
    public const string HeaderName = "X-Deki-Token";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(HeaderName);
        var epoch = time.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.TryAddWithoutValidation(HeaderName, ExpertServerToken.Create(key, epoch, user, secret));
        return base.SendAsync(request, cancellationToken);
    }
}
