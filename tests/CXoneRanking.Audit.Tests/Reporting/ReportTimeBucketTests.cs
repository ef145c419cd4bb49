using CXoneRanking.Reporting;

namespace CXoneRanking.Audit.Tests.Reporting;

/// <summary>
/// The over-time chart has a bounded number of buckets whatever the log's span: a log written by an
/// older version that holds a click dated year 1 once made one bucket per day over 2,000 years.
/// </summary>
public sealed class ReportTimeBucketTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, ReportTimeUnit.Hour)]
    [InlineData(30, ReportTimeUnit.Day)]
    [InlineData(365, ReportTimeUnit.Day)]
    [InlineData(3 * 365, ReportTimeUnit.Week)]
    [InlineData(20 * 365, ReportTimeUnit.Month)]
    [InlineData(100 * 365, ReportTimeUnit.Year)]
    public void The_bucket_grows_with_the_span_and_their_number_stays_bounded(int days, ReportTimeUnit unit)
    {
        var report = RankingReportBuilder.Collect(
            [Entries.Submitted("s-a", 10, T.AddDays(-days)), Entries.Submitted("s-b", 10, T), Entries.Click("s-b", "KB-1", 1, T)]);

        Assert.Equal(unit, report.BucketUnit);
        Assert.InRange(report.Buckets.Count, 2, RankingReport.MaxTimeBuckets);
        Assert.Equal(2.0, report.SubmissionsPerBucket.Sum());
        Assert.Equal(1.0, report.ClicksPerBucket.Sum());
        Assert.True(report.Buckets[0] <= T.AddDays(-days) && report.Buckets[^1] <= T);
    }

    [Fact]
    public void A_click_dated_year_1_gives_a_bounded_chart_in_year_buckets()
    {
        var yearOne = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var log = new List<AuditEntry>
        {
            Entries.Submitted("s-a", 10, T, "KB-1"), Entries.Click("s-a", "KB-1", 1, yearOne), Entries.Click("s-a", "KB-1", 1, T),
        };

        var report = RankingReportBuilder.Collect(log);
        var html = HtmlReportWriter.Render(report);

        Assert.Equal(ReportTimeUnit.Year, report.BucketUnit);
        Assert.InRange(report.Buckets.Count, 2, RankingReport.MaxTimeBuckets);
        Assert.Equal(yearOne, report.Buckets[0]);
        Assert.Equal(2.0, report.ClicksPerBucket.Sum());
        Assert.Equal(1.0, report.ClicksPerBucket[0]);
        Assert.Contains("per " + report.BucketWidth + " years", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_days_are_day_buckets_and_DailyBuckets_still_says_so()
    {
        var report = RankingReportBuilder.Collect([Entries.Submitted("s-a", 10, T), Entries.Submitted("s-b", 10, T.AddDays(3))]);
        Assert.Equal(ReportTimeUnit.Day, report.BucketUnit);
        Assert.True(report.DailyBuckets);
        Assert.Equal(4, report.Buckets.Count);
    }
}
