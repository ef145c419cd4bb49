using System.Globalization;

namespace CXoneRanking.Audit;

/// <summary>
/// Builds a click entry from loosely typed cells, as a CSV row or a piped object carries them:
/// strings are read with the invariant culture whatever the session's culture is.
/// </summary>
internal static class ClickInput
{
    private static readonly DateTimeOffset EarliestClick = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The click, or an <see cref="ArgumentException"/> saying what is wrong with the cells.</summary>
    public static AuditEntry Create(object? sessionId, object? snippetId, object? rankPosition, object? timestamp, DateTimeOffset defaultTimestamp) =>
        AuditEntry.Click(
            Text(sessionId, "session id"),
            Text(snippetId, "snippet id"),
            Position(rankPosition),
            timestamp is null || timestamp is string { Length: 0 } ? defaultTimestamp : Timestamp(timestamp));

    /// <summary>
    /// Why a click cannot have happened at <paramref name="timestamp"/>: before 2000 or more than a day
    /// after <paramref name="now"/> (a day allows for a zone mistaken, not for a year mistyped). One
    /// such click would stretch every chart of the log across centuries.
    /// </summary>
    public static string? TimestampProblem(DateTimeOffset timestamp, DateTimeOffset now) =>
        timestamp < EarliestClick || timestamp > now.AddDays(1)
            ? string.Format(CultureInfo.InvariantCulture, "the timestamp {0:u} is not a time a click can have happened (2000 to now)", timestamp)
            : null;

    private static string Text(object? value, string what) => value switch
    {
        null => throw new ArgumentException($"the {what} is missing"),
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static int Position(object? value)
    {
        switch (value)
        {
            case null: throw new ArgumentException("the rank position is missing");
            case int i: return i;
            case string s when int.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed): return parsed;
            case string s: throw new ArgumentException($"the rank position '{s}' is not a whole number");
            case double or float or decimal:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue) return (int)number;
                throw new ArgumentException($"the rank position {number.ToString(CultureInfo.InvariantCulture)} is not a whole number");
            case IConvertible c when c.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.UInt64:
                try
                {
                    return c.ToInt32(CultureInfo.InvariantCulture);
                }
                catch (OverflowException)
                {
                    throw new ArgumentException($"the rank position {value} is out of range");
                }
            default:
                throw new ArgumentException($"a {value.GetType().Name} is not a rank position");
        }
    }

    // Text must be ISO 8601: '07/12/2026' is 7 December in most of the world and 12 July in the invariant culture,
    // and a guess would silently move a click by months. An ISO time without an offset is local time, as
    // PowerShell's own [datetime] casts read it.
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd",
    ];

    private static DateTimeOffset Timestamp(object value) => value switch
    {
        DateTimeOffset offset => offset,
        DateTime dateTime => new DateTimeOffset(dateTime),
        string s when DateTimeOffset.TryParseExact(s.Trim(), IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal,
            out var parsed) => parsed,
        _ => throw new ArgumentException(
            $"the timestamp '{value}' is not an ISO 8601 date and time; write it as yyyy-MM-ddTHH:mm:ssZ, e.g. 2026-12-07T19:01:00Z"),
    };
}
