namespace CXoneRanking.Api;

/// <summary>
/// Recognises a redirect answer (any 3xx but 304 Not Modified) and says where it pointed. The
/// module never follows one (see <see cref="ModuleHttpHandler"/>); messages name the target's
/// scheme, host and path only, since its query could carry anything.
/// </summary>
internal static class HttpRedirects
{
    public const string NeverFollowed = "the module never follows a redirect with credentials";

    public static bool IsRedirect(int status) => status is >= 300 and < 400 and not 304;

    /// <summary>The absolute Location of a redirect answer, or null when it is no redirect or names none.</summary>
    public static Uri? Location(HttpResponseMessage response)
    {
        if (!IsRedirect((int)response.StatusCode) || response.Headers.Location is not { } location) return null;
        if (location.IsAbsoluteUri) return location;
        return response.RequestMessage?.RequestUri is { } from ? new Uri(from, location) : null;
    }

    /// <summary>"https://other.example/path", or words saying no Location was given.</summary>
    public static string Describe(Uri? location) => location is null ? "no address (no Location header)" : location.GetLeftPart(UriPartial.Path);
}
