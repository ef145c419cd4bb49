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

    /// <summary>The end of the range; null: now.</summary>
    public DateTimeOffset? Before { get; init; }

    /// <summary>Queries asked for per request (the site's <c>limit</c>), 1..1000.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    public string? Problem() =>
        PageSize is < 1 or > MaxPageSize ? $"the page size {PageSize} is outside 1..{MaxPageSize}"
        : Since is { } since && Before is { } before && since >= before ? "the range's start is not before its end"
        : null;

    /// <summary>The same range with both ends filled in from the clock, to whole seconds (the wire's precision).</summary>
    public ExpertSearchLogRange Resolve(TimeProvider time)
    {
        var before = Truncate(Before ?? time.GetUtcNow());
        var since = Truncate(Since ?? before.AddMonths(-1));
        return new ExpertSearchLogRange { Since = since, Before = before, PageSize = PageSize };
    }

    private static DateTimeOffset Truncate(DateTimeOffset date)
    {
        var utc = date.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
