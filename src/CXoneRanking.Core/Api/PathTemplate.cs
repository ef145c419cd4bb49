namespace CXoneRanking.Api;

/// <summary>
/// Where a session's ranking or status lives, relative to the base address: CXone publishes no
/// ranking endpoint itself, so tenants front it with their own service and its own path. The
/// session id is always inserted as one escaped segment, whatever it holds.
/// </summary>
public sealed class PathTemplate
{
    public const string Placeholder = "{sessionId}";
    public const string DefaultRanking = "/api/v2/agentassist/sessions/{sessionId}/snippets/ranking";
    public const string DefaultSession = "/api/v2/agentassist/sessions/{sessionId}";

    private readonly string _relative;

    private PathTemplate(string text)
    {
        Text = text;
        // Resolved against a base ending in '/', so the base's own path (a gateway prefix) is kept.
        _relative = text.TrimStart('/');
    }

    public string Text { get; }

    /// <summary>The template, or throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public static PathTemplate Parse(string? text, string what) =>
        Problem(text, what) is { } problem ? throw new ArgumentException(problem) : new PathTemplate(text!);

    /// <summary>Why the text is not a usable template, or null.</summary>
    public static string? Problem(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return $"the {what} is empty";
        var count = (text!.Length - text.Replace(Placeholder, string.Empty).Length) / Placeholder.Length;
        if (count != 1) return $"the {what} '{text}' must contain {Placeholder} exactly once";
        if (text.StartsWith("//", StringComparison.Ordinal) || text.Contains("://")
            || Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            return $"the {what} '{text}' must be a path relative to the base address, not an address";
        var rest = text.Replace(Placeholder, "x");
        if (rest.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '{' or '}' or '?' or '#' or '\\' or '%'))
            return $"the {what} '{text}' may hold only path characters besides {Placeholder} (no spaces, braces, '?', '#', '\\' or '%')";
        if (rest.Split('/').Any(segment => segment is "." or ".."))
            return $"the {what} '{text}' must not contain '.' or '..' segments";
        return null;
    }

    public string Expand(string sessionId) => _relative.Replace(Placeholder, Uri.EscapeDataString(sessionId));

    public override string ToString() => Text;
}
