using System.Globalization;

namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// How Dream writes values into XML, and how Expert's query-string dates are read. Dream writes dates
/// as ISO 8601 to the second in UTC ("2026-03-01T12:00:00Z", its RFC_DATETIME_FORMAT); its JSON
/// serializer turns exactly that shape into RFC 1123 ("Sun, 01 Mar 2026 12:00:00 GMT").
/// </summary>
internal static class DreamFormat
{
    public const string XmlDateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The since/before parameters of site/query/log: UTC, to the second.</summary>
    public const string QueryDateFormat = "yyyyMMddHHmmss";

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString(XmlDateFormat, CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back as the same double, never with a culture's separators.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Drops the sub-second part, because Expert stores search and selection times to the second.</summary>
    public static DateTimeOffset ToSecond(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public static bool TryParseQueryDate(string text, out DateTimeOffset value)
    {
        var parsed = DateTime.TryParseExact(
            text, QueryDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date);
        value = parsed ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)) : default;
        return parsed;
    }

    /// <summary>True for text that Dream's JSON serializer would rewrite as an RFC 1123 date.</summary>
    public static bool TryParseXmlDate(string text, out DateTime value) =>
        DateTime.TryParseExact(
            text, XmlDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
}
