using System.Globalization;
using System.Management.Automation;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Parameters;

/// <summary>
/// What every cmdlet with -Since and -Until shares: turning a DateTime into a DateTimeOffset
/// without overflowing, and one named error for a range that holds nothing.
/// </summary>
internal static class TimeRangeParameters
{
    public const string InvalidTimeRange = "InvalidTimeRange";

    /// <summary>
    /// The time as a DateTimeOffset; a time without a zone is local, like Get-Date's. [DateTime]::MinValue
    /// east of UTC (or MaxValue west of it) lies outside DateTimeOffset's range: it becomes that range's end,
    /// which is what such a bound means, instead of an ArgumentOutOfRangeException.
    /// </summary>
    public static DateTimeOffset? ToOffset(DateTime? time)
    {
        if (time is not { } value) return null;
        var offset = value.Kind == DateTimeKind.Utc ? TimeSpan.Zero : TimeZoneInfo.Local.GetUtcOffset(value);
        var utcTicks = value.Ticks - offset.Ticks;
        if (utcTicks < DateTimeOffset.MinValue.UtcTicks) return DateTimeOffset.MinValue;
        if (utcTicks > DateTimeOffset.MaxValue.UtcTicks) return DateTimeOffset.MaxValue;
        return new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), offset);
    }

    /// <summary>A named error when the range starts at or after its end; null when it does not.</summary>
    /// <param name="since">The start, as used (defaults filled in).</param>
    /// <param name="until">The end, as used.</param>
    /// <param name="untilNote">How the end was chosen when the user did not give it, e.g. "now"; null when given.</param>
    public static ErrorRecord? Reversed(DateTimeOffset? since, DateTimeOffset? until, string? untilNote = null)
    {
        if (since is not { } start || until is not { } end || start < end) return null;
        var message = string.Format(CultureInfo.InvariantCulture, "-Since {0:u} is not before -Until {1:u}{2}: the range holds nothing.",
            start, end, untilNote is null ? string.Empty : $" ({untilNote})");
        return ErrorRecords.InvalidArgument(InvalidTimeRange, message,
            string.Format(CultureInfo.InvariantCulture, "{0:o}..{1:o}", start, end), "Give a -Since earlier than -Until.");
    }
}
