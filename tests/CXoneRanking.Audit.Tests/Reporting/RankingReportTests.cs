using CXoneRanking.Metrics;
using CXoneRanking.Reporting;

namespace CXoneRanking.Audit.Tests.Reporting;

public sealed class RankingReportTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static List<AuditEntry> Log() =>
    [
        Entries.Submitted("s-a", 120, T, "KB-1", "<b>KB-2</b>", "KB-3"),
        Entries.Submitted("s-b", 80, T.AddHours(1), "<b>KB-2</b>", "KB-1"),
        Entries.Failed("s-c", 5000, at: T.AddHours(2)),
        Entries.Failed("s-d", 10, AuditEvent.RankingCancelled, T.AddHours(2)),
        Entries.Click("s-a", "<b>KB-2</b>", 2, T.AddMinutes(1)),
        Entries.Click("s-b", "KB-1", 2, T.AddHours(1).AddMinutes(1)),
    ];

    [Fact]
    public void The_metrics_are_the_calculators_to_the_last_digit()
    {
        var filter = new RankingMetricsFilter { Since = T.AddMinutes(30) };
        var report = RankingReportBuilder.Collect(Log(), filter);
        var metrics = RankingMetricsCalculator.Calculate(Log(), filter);
        foreach (var property in typeof(RankingMetrics).GetProperties().Where(p => !p.PropertyType.IsGenericType || p.PropertyType.GetGenericTypeDefinition() == typeof(Nullable<>)))
            Assert.Equal(property.GetValue(metrics), property.GetValue(report.Metrics));
        Assert.Equal(metrics.ClickThroughRateByPosition.Select(p => p.ToString()), report.Metrics.ClickThroughRateByPosition.Select(p => p.ToString()));
        Assert.Equal(metrics.TopSnippets.Select(p => p.ToString()), report.Metrics.TopSnippets.Select(p => p.ToString()));
    }

    [Fact]
    public void It_counts_failures_by_cause_and_submissions_and_clicks_per_hour()
    {
        var report = RankingReportBuilder.Collect(Log());
        Assert.Equal(["cancelled=1", "failed=1"], report.FailuresByCause.Select(f => $"{f.Key}={f.Value}"));
        Assert.False(report.DailyBuckets);
        Assert.Equal([1.0, 1.0, 2.0], report.SubmissionsPerBucket);
        Assert.Equal([1.0, 1.0, 0.0], report.ClicksPerBucket);
        Assert.Equal([120L, 80, 5000, 10], report.Latencies);
        Assert.NotEmpty(report.Examination);
    }

    [Fact]
    public void An_empty_log_gives_a_report_that_says_so()
    {
        var report = RankingReportBuilder.Collect([]);
        var html = HtmlReportWriter.Render(report);
        var root = Markup.Parse(html);
        Assert.Equal(3, root.All("svg").Count());
        Assert.Empty(report.Suggestions);
        Assert.Contains("No data in this period", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_is_well_formed_self_contained_and_encodes_the_logs_strings()
    {
        var html = HtmlReportWriter.Render(new RankingReportBuilder { Title = "<i>t</i>" }.Also(Log()).Build(generatedAt: T));
        var root = Markup.Parse(html);
        Assert.Empty(root.All("script"));
        Assert.Empty(root.All("b"));
        Assert.Empty(root.All("i"));
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains(root.All("th"), th => th.Value == "<b>KB-2</b>");
        Assert.Equal("unknown", (string?)root.All("section").First(s => (string?)s.Attribute("id") == "chain").Attribute("data-chain"));
    }
}

internal static class BuilderExtensions
{
    public static RankingReportBuilder Also(this RankingReportBuilder builder, IEnumerable<AuditEntry> entries)
    {
        foreach (var entry in entries) builder.Add(entry);
        return builder;
    }
}
