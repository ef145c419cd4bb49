using System.Globalization;

namespace CXoneRanking.Expert;

/// <summary>
/// Which part of the search log to read and in what page size. Left open, the range is the month
/// up to now; it is fixed once when reading starts, so "now" cannot move under the paging.
/// </summary>
public sealed class ExpertSearchLogRange
{
    public const int DefaultPageSize = 500;
    public const int MaxPageSize = 1000;

    /// <summary>The earliest search to include; null: one month before <see cref="Before"/>.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>The end of the range (exclusive); null: now, the current second included.</summary>
    public DateTimeOffset? Before { get; init; }

    /// <summary>Queries asked for per request (the site's <c>limit</c>), 1..1000.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>
    /// At most this many searches are read in one pass: a site that keeps answering full pages of new
    /// queries (a loop, a hostile site) fails by name there instead of importing for ever.
    /// </summary>
    public int MaxQueries { get; init; } = DefaultMaxQueries;

    public const int DefaultMaxQueries = 1_000_000;

    public string? Problem() =>
        PageSize is < 1 or > MaxPageSize ? $"the page size {PageSize} is outside 1..{MaxPageSize}"
        : MaxQueries < 1 ? "at least one query must be readable"
        : Since is { } since && Before is { } before && since >= before
            ? string.Format(CultureInfo.InvariantCulture, "the range starts at {0:u}, which is not before its end {1:u}", since, before)
        : null;

    /// <summary>
    /// The same range with both ends filled in from the clock, to whole seconds (the wire's precision).
    /// Check <see cref="Problem"/> on the result: a start in the current second or later is only
    /// found empty once "now" is known.
    /// </summary>
    public ExpertSearchLogRange Resolve(TimeProvider time)
    {
        // Left open, the end is the next whole second, so a search made in this second is included:
        // an admin who searches and imports straight away finds it.
        var before = Before is { } end ? Truncate(end) : Truncate(time.GetUtcNow()).AddSeconds(1);
        var since = Truncate(Since ?? MonthBefore(before));
        return new ExpertSearchLogRange
        {
            Since = since, Before = before, PageSize = PageSize, MaxQueries = MaxQueries,
        };
    }

    /// <summary>The range filled in from the connection's clock (see <see cref="Resolve(TimeProvider)"/>).</summary>
    public ExpertSearchLogRange ResolveFor(ExpertConnection connection) => Resolve(connection.Settings.Time);

    /// <summary>The same range asking for <paramref name="pageSize"/> queries a request.</summary>
    internal ExpertSearchLogRange WithPageSize(int pageSize) =>
        new() { Since = Since, Before = Before, PageSize = pageSize, MaxQueries = MaxQueries };

    // An end in January of year 1 has no month before it: the range then starts at the calendar's start.
    private static DateTimeOffset MonthBefore(DateTimeOffset date) =>
        date.UtcDateTime.Year == 1 && date.UtcDateTime.Month == 1 ? DateTimeOffset.MinValue : date.AddMonths(-1);

    private static DateTimeOffset Truncate(DateTimeOffset date)
    {
        var utc = date.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
