using CXoneRanking.Reporting;

namespace CXoneRanking.Audit.Tests.Reporting;

/// <summary>docs/audit-log.md#metrics: the report counts rankings never sent apart from failed sends, and shows no 0% without impressions.</summary>
public sealed class ReportNotSentTests
{
    private static readonly DateTimeOffset T = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Invalid_rankings_are_not_failed_submissions_in_the_report()
    {
        var invalid = Entries.Failed("s-bad", null, at: T);
        invalid.Status = nameof(SubmissionStatus.InvalidRanking);
        var failed = Entries.Failed("s-down", 30, at: T.AddMinutes(1));
        failed.Status = nameof(SubmissionStatus.EngineFailure);

        var report = RankingReportBuilder.Collect([invalid, failed]);
        var html = HtmlReportWriter.Render(report);

        Assert.Equal([new KeyValuePair<string, int>("EngineFailure", 1)], report.FailuresByCause);
        Assert.Contains("Not sent (invalid, held back or unrecorded)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidRanking", html, StringComparison.Ordinal);
        var ctr = Markup.Parse(html).All("dd").Select(d => d.Value).ToList();
        Assert.Contains("–", ctr);
        Assert.DoesNotContain("0.0%", ctr);
    }
}
