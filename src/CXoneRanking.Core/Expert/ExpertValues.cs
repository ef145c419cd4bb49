using System.Globalization;

namespace CXoneRanking.Expert;

/// <summary>
/// Reads the text of a field as a number or a date, with the invariant culture. A required field
/// that is missing, or any field that is present but malformed, fails with a message naming it.
/// </summary>
internal static class ExpertValues
{
    // XML dates are ISO 8601 (yyyy-MM-ddTHH:mm:ssZ); Dream's JSON rewrites them as RFC 1123;
    // query parameters use yyyyMMddHHmmss. All are UTC.
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "r", "yyyyMMddHHmmss", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>
    /// The text without control characters (C0 but tab, DEL, C1): a site's title or path is shown in a
    /// terminal, where an ESC sequence would recolour or rewrite the screen.
    /// </summary>
    public static string Printable(string text) =>
        text.Any(IsControl) ? new string(text.Where(c => !IsControl(c)).ToArray()) : text;

    private static bool IsControl(char c) => c != '\t' && char.IsControl(c);

    public static string Required(string? text, string field, string endpoint) =>
        string.IsNullOrWhiteSpace(text) ? throw ExpertErrors.Unreadable(endpoint, $"'{field}' is missing") : text!.Trim();

    public static long RequiredId(string? text, string field, string endpoint) =>
        OptionalId(Required(text, field, endpoint), field, endpoint)!.Value;

    public static long? OptionalId(string? text, string field, string endpoint)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return long.TryParse(text!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw ExpertErrors.Unreadable(endpoint, $"'{field}' is '{Shown(text)}', not a whole number");
    }

    public static int? OptionalInt(string? text, string field, string endpoint)
    {
        var value = OptionalId(text, field, endpoint);
        return value is null or <= int.MaxValue ? (int?)value : throw ExpertErrors.Unreadable(endpoint, $"'{field}' is out of range");
    }

    public static double RequiredDouble(string? text, string field, string endpoint) =>
        OptionalDouble(Required(text, field, endpoint), field, endpoint)!.Value;

    public static double? OptionalDouble(string? text, string field, string endpoint)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return double.TryParse(text!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsNaN(value)
            && !double.IsInfinity(value)
            ? value
            : throw ExpertErrors.Unreadable(endpoint, $"'{field}' is '{Shown(text)}', not a number");
    }

    public static DateTimeOffset RequiredDate(string? text, string field, string endpoint) =>
        OptionalDate(Required(text, field, endpoint), field, endpoint)!.Value;

    public static DateTimeOffset? OptionalDate(string? text, string field, string endpoint)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        return DateTimeOffset.TryParseExact(text!.Trim(), DateFormats, CultureInfo.InvariantCulture, utc, out var date)
            ? date
            : throw ExpertErrors.Unreadable(endpoint, $"'{field}' is '{Shown(text)}', not a date");
    }

    /// <summary>A query parameter date: yyyyMMddHHmmss in UTC.</summary>
    public static string QueryDate(DateTimeOffset date) => date.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    // A malformed value is quoted to help, but never at length.
    private static string Shown(string? text) => text!.Length <= 40 ? text : text.Substring(0, 40) + "...";
}
