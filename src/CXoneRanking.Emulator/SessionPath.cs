using Microsoft.AspNetCore.Http.Features;

namespace CXoneRanking.Emulator;

/// <summary>
/// Reads the session id from the request target exactly as the client escaped it. Kestrel's
/// decoded path cannot be trusted for this: it keeps <c>%2F</c> escaped but decodes <c>%252F</c> to
/// the same <c>%2F</c> (so "a/b" and "a%2Fb" collide), and it decodes <c>%2E%2E</c> before removing
/// dot segments (so a session called ".." vanishes from the path). This middleware runs before
/// routing, unescapes the one session segment itself, and hands routing a path it cannot mangle.
/// </summary>
internal static class SessionPath
{
    private const string SessionSlot = "*";
    private static readonly object ItemKey = new();

    private static readonly string[][] Shapes =
    [
        ["api", "v2", "agentassist", "sessions", SessionSlot],
        ["api", "v2", "agentassist", "sessions", SessionSlot, "snippets", "ranking"],
        ["_emulator", "sessions", SessionSlot, "lock"],
        ["_emulator", "rankings", SessionSlot],
    ];

    public static Task ResolveAsync(HttpContext context, RequestDelegate next)
    {
        var rawSegments = RawPath(context).Split('/')[1..];
        foreach (var shape in Shapes)
        {
            if (TryMatch(shape, rawSegments, out var slot))
            {
                context.Items[ItemKey] = Uri.UnescapeDataString(rawSegments[slot]);
                // The raw segment still carries its escapes, so it holds no '/' and is never a dot segment.
                var routed = shape.Select((literal, i) => i == slot ? rawSegments[slot] : literal);
                context.Request.Path = new PathString("/" + string.Join('/', routed));
                break;
            }
        }

        return next(context);
    }

    /// <summary>The session id of this request, unescaped; null on routes without one.</summary>
    public static string? SessionId(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) ? value as string : null;

    public static string RequiredSessionId(this HttpContext context) =>
        context.SessionId() ?? throw new InvalidOperationException("This route has no session segment.");

    /// <summary>The path as the client sent it, escapes intact, without the query string.</summary>
    public static string RawPath(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            return context.Request.Path.ToUriComponent();
        }

        if (!target.StartsWith('/'))
        {
            // Absolute-form ("http://host/path"), which proxies send: skip the scheme and authority.
            var schemeEnd = target.IndexOf("://", StringComparison.Ordinal);
            var pathStart = schemeEnd < 0 ? -1 : target.IndexOf('/', schemeEnd + 3);
            target = pathStart < 0 ? "/" : target[pathStart..];
        }

        var query = target.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? target : target[..query];
    }

    private static bool TryMatch(string[] shape, string[] rawSegments, out int slot)
    {
        slot = -1;
        if (shape.Length != rawSegments.Length)
        {
            return false;
        }

        for (var i = 0; i < shape.Length; i++)
        {
            if (shape[i] == SessionSlot)
            {
                if (rawSegments[i].Length == 0)
                {
                    return false;
                }

                slot = i;
            }
            else if (!string.Equals(Uri.UnescapeDataString(rawSegments[i]), shape[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
