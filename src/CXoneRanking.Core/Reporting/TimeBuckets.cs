namespace CXoneRanking.Reporting;

/// <summary>
/// Submissions and clicks counted per UTC hour while the log streams by, folded into days at the
/// end when the period spans more than two days (a week of hours would be 168 unreadable points).
/// </summary>
internal sealed class TimeBuckets
{
    private const int MaxHourlyBuckets = 48;
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
        var daily = last - first + 1 > MaxHourlyBuckets;
        var size = daily ? 24 : 1;
        var start = first / size;
        var count = (int)(last / size - start + 1);
        var submissions = new double[count];
        var clicks = new double[count];
        foreach (var hour in _hours)
        {
            var index = (int)(hour.Key / size - start);
            submissions[index] += hour.Value[0];
            clicks[index] += hour.Value[1];
        }
        report.DailyBuckets = daily;
        report.Buckets = Enumerable.Range(0, count)
            .Select(i => new DateTimeOffset((start + i) * size * TimeSpan.TicksPerHour, TimeSpan.Zero)).ToList();
        report.SubmissionsPerBucket = submissions;
        report.ClicksPerBucket = clicks;
    }
}
