namespace CXoneRanking.Reporting;

/// <summary>
/// Submissions and clicks counted per UTC hour while the log streams by, folded at the end into the
/// finest unit (hour, day, week, month, year, several years) that keeps the chart within
/// <see cref="RankingReport.MaxTimeBuckets"/> points. The span alone never decides the memory used:
/// one absurd date (a year-1 click an older version accepted) once made a bucket per day since year 1.
/// </summary>
internal sealed class TimeBuckets
{
    private const int MaxHourlyBuckets = 48;
    private const long HoursPerWeek = 24 * 7;
    private readonly SortedDictionary<long, long[]> _hours = [];   // hour index -> [submissions, clicks]

    public void Add(DateTimeOffset at, int series)
    {
        var hour = at.UtcTicks / TimeSpan.TicksPerHour;
        if (!_hours.TryGetValue(hour, out var counts)) _hours[hour] = counts = new long[2];
        counts[series]++;
    }

    public void WriteTo(RankingReport report)
    {
        if (_hours.Count == 0) return;
        var first = _hours.Keys.First();
        var last = _hours.Keys.Last();
        var (unit, width) = Choose(first, last);
        var start = Index(first, unit, width);
        var count = (int)(Index(last, unit, width) - start + 1);
        var submissions = new double[count];
        var clicks = new double[count];
        foreach (var hour in _hours)
        {
            var index = (int)(Index(hour.Key, unit, width) - start);
            submissions[index] += hour.Value[0];
            clicks[index] += hour.Value[1];
        }
        report.BucketUnit = unit;
        report.BucketWidth = width;
        report.Buckets = Enumerable.Range(0, count).Select(i => Start(start + i, unit, width)).ToList();
        report.SubmissionsPerBucket = submissions;
        report.ClicksPerBucket = clicks;
    }

    private static (ReportTimeUnit Unit, int Width) Choose(long first, long last)
    {
        if (last - first + 1 <= MaxHourlyBuckets) return (ReportTimeUnit.Hour, 1);
        foreach (var unit in new[] { ReportTimeUnit.Day, ReportTimeUnit.Week, ReportTimeUnit.Month })
            if (Index(last, unit, 1) - Index(first, unit, 1) + 1 <= RankingReport.MaxTimeBuckets) return (unit, 1);
        var years = Index(last, ReportTimeUnit.Year, 1) - Index(first, ReportTimeUnit.Year, 1) + 1;
        // Width so that (years - 1) / width < Max - 1: the buckets, aligned on multiples of width, then number at most Max.
        var width = years <= RankingReport.MaxTimeBuckets ? 1 : (int)Math.Ceiling(years / (RankingReport.MaxTimeBuckets - 1.0));
        return (ReportTimeUnit.Year, width);
    }

    private static long Index(long hour, ReportTimeUnit unit, int width)
    {
        var day = new DateTime(hour * TimeSpan.TicksPerHour, DateTimeKind.Utc);
        return unit switch
        {
            ReportTimeUnit.Hour => hour,
            ReportTimeUnit.Day => hour / 24,
            ReportTimeUnit.Week => hour / HoursPerWeek,   // day 0 (0001-01-01) was a Monday
            ReportTimeUnit.Month => (day.Year - 1) * 12L + day.Month - 1,
            _ => (day.Year - 1) / width,
        };
    }

    private static DateTimeOffset Start(long index, ReportTimeUnit unit, int width) => unit switch
    {
        ReportTimeUnit.Hour => new DateTimeOffset(index * TimeSpan.TicksPerHour, TimeSpan.Zero),
        ReportTimeUnit.Day => new DateTimeOffset(index * TimeSpan.TicksPerDay, TimeSpan.Zero),
        ReportTimeUnit.Week => new DateTimeOffset(index * HoursPerWeek * TimeSpan.TicksPerHour, TimeSpan.Zero),
        ReportTimeUnit.Month => new DateTimeOffset((int)(index / 12) + 1, (int)(index % 12) + 1, 1, 0, 0, 0, TimeSpan.Zero),
        _ => new DateTimeOffset((int)(index * width) + 1, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };
}
