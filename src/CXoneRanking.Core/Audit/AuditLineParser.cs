using System.Text;
using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>Turns a raw line into JSON, or into the reason it is not; shared by reader and verifier.</summary>
internal static class AuditLineParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // A write cut short fails at its end: inside the last literal ("false"), or the last character (up to 4 bytes).
    private const int TornTail = 5;

    /// <summary>The parsed line (the caller disposes it), or null with why it is not an entry: torn, or what else.</summary>
    public static JsonDocument? TryParse(RawLine line, out string? tornReason)
    {
        tornReason = null;
        try
        {
            // JSON is UTF-8; the parser does not check the bytes inside strings, so this does.
            StrictUtf8.GetCharCount(line.Bytes.Array!, line.Bytes.Offset, line.Bytes.Count);
            return JsonDocument.Parse(line.Memory);
        }
        catch (DecoderFallbackException e)
        {
            tornReason = IsTail(line, e.Index) ? Torn(line) : $"not valid UTF-8 at byte {e.Index + 1}";
            return null;
        }
        catch (JsonException e)
        {
            // A complete line that fails in its middle was written so (nested too deep, another tool's text): say what it is.
            tornReason = e.BytePositionInLine is { } at && !IsTail(line, at)
                ? $"not valid JSON at byte {at + 1} of {line.Bytes.Count}: {Reason(e.Message)}"
                : Torn(line);
            return null;
        }
    }

    private static bool IsTail(RawLine line, long index) => index < 0 || index >= line.Bytes.Count - TornTail;

    private static string Torn(RawLine line) => line.Terminated
        ? "not valid JSON: a torn write (the process stopped mid-line)"
        : "the last line is incomplete: a torn write, or one still being written";

    // The parser's own words without the path and position it appends (the path of a deep line is as long as the line).
    private static string Reason(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (end < 0) end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (end < 0 ? message : message.Substring(0, end)).TrimEnd();
        return ShownText.Of(reason.Length <= 200 ? reason : reason.Substring(0, 200) + "...");
    }
}
