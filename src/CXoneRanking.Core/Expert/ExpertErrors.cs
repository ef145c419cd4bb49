using System.Globalization;
using CXoneRanking.Api;

namespace CXoneRanking.Expert;

/// <summary>
/// Turns a final answer into its body or a clear exception. The site's own error text is never
/// echoed: it can repeat the request, and a message must stay safe to log.
/// </summary>
internal static class ExpertErrors
{
    public static string BodyOrThrow(ExpertAnswer answer, Uri apiUri, string endpoint, int maxBytes)
    {
        var where = $"the Expert site {Site(apiUri)} ({endpoint})";
        if (answer.Fault is { } fault)
            throw new ExpertApiException($"Could not reach {where}: {fault.Message}", ExpertFailure.Transport, null, fault);
        var status = answer.StatusCode!.Value;
        if (answer.TooLarge)
            throw new ExpertApiException(
                $"The answer from {where} is larger than {Size(maxBytes)} and was not read; ask for less (a smaller page size or limit).",
                ExpertFailure.AnswerTooLarge, status);
        if (answer.IsSuccess) return answer.Body;
        if (HttpRedirects.IsRedirect(status))
            throw new ExpertApiException(
                $"{Capital(where)} answered {status}, redirecting to {HttpRedirects.Describe(answer.RedirectLocation)}; the redirect was refused: "
                + $"{HttpRedirects.NeverFollowed}. If that address is the site's own, give it as -Site.", ExpertFailure.Redirected, status);
        throw status switch
        {
            401 => new ExpertAuthenticationException(
                $"{Capital(where)} refused the server API token: 401 Unauthorized. Check the key, the secret and the user, "
                + "and that this machine's clock is right (a token is good for about 5 minutes).", ExpertFailure.Authentication, status),
            403 => new ExpertAuthenticationException(
                $"{Capital(where)} refused the request: 403 Forbidden. The token's user lacks the permission for it, "
                + "or the site's licence does not include it (the search log needs search analytics).", ExpertFailure.Forbidden, status),
            404 => new ExpertApiException($"{Capital(where)} answered 404 Not Found: check the site address.", ExpertFailure.NotFound, status),
            429 => new ExpertApiException(
                $"{Capital(where)} kept answering 429 Too Many Requests; try again later.", ExpertFailure.RateLimited, status),
            >= 500 => new ExpertApiException($"{Capital(where)} failed: HTTP {status}.", ExpertFailure.ServerError, status),
            _ => new ExpertApiException($"{Capital(where)} refused the request: HTTP {status}.", ExpertFailure.Rejected, status),
        };
    }

    public static ExpertApiException TimedOut(Uri apiUri, string endpoint, TimeSpan timeout, Exception inner) =>
        new($"The Expert site {Site(apiUri)} ({endpoint}) did not answer within "
            + $"{timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.",
            ExpertFailure.Timeout, null, inner);

    public static ExpertApiException Unreadable(string endpoint, string problem) =>
        new($"The Expert site's answer to {endpoint} could not be read: {problem}.", ExpertFailure.UnreadableAnswer);

    private static string Site(Uri apiUri) => apiUri.GetLeftPart(UriPartial.Authority);

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static string Size(int bytes) => bytes % (1024 * 1024) == 0
        ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MiB"
        : bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}
