using System.Globalization;

namespace CXoneRanking.Audit;

/// <summary>The one way an entry's timestamp is written: ISO 8601 UTC with milliseconds and a Z.</summary>
internal static class AuditTimestamp
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string ToText(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
