using System.Net;

namespace CXoneRanking.Emulator;

/// <summary>
/// Checks --urls: the emulator accepts any client id and logs what it receives, so it must never
/// be reachable from another machine. Only plain http on a loopback host is allowed.
/// </summary>
internal static class LoopbackUrls
{
    public static IReadOnlyList<string> Parse(string text)
    {
        var urls = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            throw new EmulatorOptionsException("--urls: no URL given.");
        }

        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new EmulatorOptionsException($"--urls: '{url}' is not an http:// URL such as http://127.0.0.1:5080.");
            }

            if (!IsLoopback(uri))
            {
                throw new EmulatorOptionsException(
                    $"--urls: '{url}' is not a loopback address; the emulator listens only on 127.0.0.1, [::1] or localhost.");
            }

            if (uri.AbsolutePath != "/" || uri.Query.Length > 0)
            {
                throw new EmulatorOptionsException($"--urls: '{url}' must not have a path or query.");
            }
        }

        return urls;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback
        && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)));
}
