namespace CXoneRanking.Expert;

/// <summary>Reads a parameter of a result's <c>uri.track</c> (site/query/{queryid}?pageid=…&amp;rank=…).</summary>
internal static class ExpertTrackUri
{
    public static string? Parameter(Uri? track, string name)
    {
        if (track is null || !track.IsAbsoluteUri) return null;
        foreach (var pair in track.Query.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0) continue;
            if (string.Equals(Uri.UnescapeDataString(pair.Substring(0, equals)), name, StringComparison.OrdinalIgnoreCase))
                return Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
        }
        return null;
    }

    public static Uri? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text!.Trim(), UriKind.Absolute, out var uri) ? null : uri;
}
