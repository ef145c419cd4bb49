using System.Text;
using System.Text.Json;

namespace CXoneRanking.Audit;

/// <summary>Turns a raw line into JSON, or into the reason it is a torn line; shared by reader and verifier.</summary>
internal static class AuditLineParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The parsed line (the caller disposes it), or null with why it is torn.</summary>
    public static JsonDocument? TryParse(RawLine line, out string? tornReason)
    {
        tornReason = null;
        try
        {
            // JSON is UTF-8; the parser does not check the bytes inside strings, so this does.
            StrictUtf8.GetCharCount(line.Bytes.Array!, line.Bytes.Offset, line.Bytes.Count);
            return JsonDocument.Parse(line.Memory);
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            tornReason = line.Terminated
                ? "not valid JSON: a torn write (the process stopped mid-line)"
                : "the last line is incomplete: a torn write, or one still being written";
            return null;
        }
    }
}
