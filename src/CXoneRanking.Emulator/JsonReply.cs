using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CXoneRanking.Emulator;

/// <summary>
/// Writes JSON answers from bytes, so an idempotent replay can send back exactly the bytes of the
/// first answer rather than a re-serialization of it.
/// </summary>
internal static class JsonReply
{
    public const string ContentType = "application/json; charset=utf-8";

    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    public static Task WriteAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> typeInfo) =>
        WriteBytesAsync(context, status, Serialize(value, typeInfo));

    public static Task WriteErrorAsync(HttpContext context, int status, string error, string? description = null) =>
        WriteAsync(context, status, new ErrorReply(error, description), EmulatorJsonContext.Default.ErrorReply);

    public static async Task WriteBytesAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
