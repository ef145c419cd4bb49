namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// Writes an Expert answer in the format the request asked for: XML unless the query string says
/// <c>dream.out.format=json</c>, as Dream does for every feature.
/// </summary>
internal static class DreamReply
{
    public const string FormatParameter = "dream.out.format";
    public const string XmlContentType = "application/xml; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    public static bool WantsJson(HttpContext context) =>
        string.Equals(context.Request.Query[FormatParameter].ToString(), "json", StringComparison.OrdinalIgnoreCase);

    public static async Task WriteAsync(HttpContext context, int status, XmlElementNode body)
    {
        var json = WantsJson(context);
        var bytes = json ? DreamJsonWriter.Write(body) : DreamXmlWriter.Write(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = json ? JsonContentType : XmlContentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>An answer with no body, as Dream's <c>DreamMessage.Ok()</c> sends for a tracked selection.</summary>
    public static Task WriteEmptyAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>Dream's error document: <c>&lt;error&gt;&lt;status/&gt;&lt;title/&gt;&lt;message/&gt;&lt;uri/&gt;&lt;/error&gt;</c>.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        var error = new XmlElementNode("error")
            .Elem("status", status)
            .Elem("title", Title(status))
            .Elem("message", message)
            .Elem("uri", ExpertUris.Origin(context) + context.Request.Path.ToUriComponent());
        return WriteAsync(context, status, error);
    }

    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };
}
