using CXoneRanking.Metrics;
using CXoneRanking.Experiments;
using CXoneRanking.Learning;

namespace CXoneRanking.Audit.Tests;

/// <summary>
/// docs/audit-log.md#metrics: a click belongs to the ranking in force when it was made, and a re-send of the
/// ranking in force is the same showing. The same rule for metrics, experiments and learning.
/// </summary>
public sealed class ClickAttributionTests
{
    private static AuditEntry Ranked(string session, int minute, string? experiment, string? arm, params string[] snippets)
    {
        var entry = Entries.Submitted(session, 10, Entries.T0.AddMinutes(minute), snippets);
        entry.Experiment = experiment;
        entry.Arm = arm;
        entry.RankingChecksum = string.Join(",", snippets);
        return entry;
    }

    private static AuditEntry Click(string session, string snippet, int position, int minute) =>
        Entries.Click(session, snippet, position, Entries.T0.AddMinutes(minute));

    [Fact]
    public void Experiment_counts_no_click_made_before_the_experiment_nor_after_a_later_ranking_outside_it()
    {
        var entries = new List<AuditEntry>();
        for (var i = 0; i < 40; i++)
        {
            var session = $"s-{i}";
            var arm = i % 2 == 0 ? ExperimentArm.Control : ExperimentArm.Treatment;
            entries.Add(Ranked(session, 0, null, null, "KB-1", "KB-2"));
            entries.Add(Click(session, "KB-1", 1, 1));                        // before the experiment
            entries.Add(Ranked(session, 2, "late", arm, "KB-1", "KB-2"));
            entries.Add(Ranked(session, 4, null, null, "KB-2", "KB-1"));      // a later run outside the experiment
            entries.Add(Click(session, "KB-2", 1, 5));
        }

        var result = RankingExperimentCalculator.Calculate(entries).Single();

        Assert.Equal((0L, 0L), (result.Control.Clicks, result.Treatment.Clicks));
        Assert.Equal((40L, 40L), (result.Control.Impressions, result.Treatment.Impressions));
        Assert.StartsWith("Not enough data", result.Verdict);
    }

    [Fact]
    public void Metrics_attribute_each_click_to_the_ranking_in_force_and_count_the_rest_apart()
    {
        var metrics = RankingMetricsCalculator.Calculate(
        [
            Click("s-1", "KB-1", 1, 0),                      // before any ranking: without ranking
            Ranked("s-1", 1, null, null, "KB-1", "KB-2"),
            Click("s-1", "KB-2", 2, 2),                      // on the first ranking
            Ranked("s-1", 3, null, null, "KB-3"),
            Click("s-1", "KB-2", 2, 4),                      // KB-2 is no longer shown: not shown
            Click("s-1", "KB-3", 7, 5),                      // past the ranking's end: not shown
            Click("s-1", "KB-3", 1, 6),
        ]);

        Assert.Equal((3L, 5L, 2L), (metrics.Impressions, metrics.Clicks, metrics.ClickedImpressions));
        Assert.Equal((1L, 2L), (metrics.ClicksWithoutRanking, metrics.ClicksNotShown));
        Assert.Equal(2.0 / 3, metrics.ClickThroughRate, 12);
    }

    [Fact]
    public void A_re_send_of_the_ranking_in_force_adds_no_impressions()
    {
        AuditEntry[] log =
        [
            Ranked("s-1", 0, null, null, "KB-1", "KB-2", "KB-3"),
            Ranked("s-1", 5, null, null, "KB-1", "KB-2", "KB-3"),    // a re-run without -SkipUnchanged
            Click("s-1", "KB-1", 1, 6),
            Ranked("s-1", 7, null, null, "KB-3"),
            Ranked("s-1", 8, null, null, "KB-1", "KB-2", "KB-3"),    // back to the first: a new showing
        ];

        var metrics = RankingMetricsCalculator.Calculate(log);
        var observations = ClickLogObservations.Collect(log);

        Assert.Equal((3 + 1 + 3, 1L), (metrics.Impressions, metrics.ClickedImpressions));
        Assert.Equal(4, metrics.Succeeded);
        Assert.Equal((7L, 1L), (observations.Impressions, observations.Clicks));
    }

    [Fact]
    public void Rankings_never_sent_are_counted_apart_from_failed_sends()
    {
        var invalid = Entries.Failed("s-1", null);
        invalid.Status = nameof(SubmissionStatus.InvalidRanking);
        var unrecorded = Entries.Failed("s-2", null);
        unrecorded.Status = nameof(SubmissionStatus.AuditUnavailable);
        var failed = Entries.Failed("s-3", 40);
        failed.Status = nameof(SubmissionStatus.EngineFailure);

        var metrics = RankingMetricsCalculator.Calculate([invalid, unrecorded, failed]);

        Assert.Equal((1, 2, 1), (metrics.Failed, metrics.NotSent, metrics.Submissions));
    }

    [Fact]
    public void Rankings_never_sent_add_no_latency_and_no_submission_to_the_report()
    {
        var invalid = Entries.Failed("s-1", 0);
        invalid.Status = nameof(SubmissionStatus.InvalidRanking);
        var log = new[] { Entries.Submitted("s-2", 200, null, "KB-1"), Entries.Submitted("s-3", 300, null, "KB-1"), invalid };

        var metrics = RankingMetricsCalculator.Calculate(log);
        var report = CXoneRanking.Reporting.RankingReportBuilder.Collect(log);

        Assert.Equal((200L, 2), (metrics.P50LatencyMs, metrics.Submissions));
        Assert.Equal(2, report.Latencies.Count);
        Assert.Equal(2.0, report.SubmissionsPerBucket.Sum());
    }
}

/// <summary>docs/audit-log.md: click timestamps given as text must be ISO 8601; other text is refused, never guessed.</summary>
public sealed class ClickTimestampTextTests
{
    [Theory]
    [InlineData("07/12/2026 19:01")]
    [InlineData("12.07.2026")]
    [InlineData("Monday, 7 December 2026")]
    public void Text_that_is_not_ISO_8601_is_refused_with_the_format_to_use(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => ClickInput.Create("s-1", "KB-1", 1, text, Entries.T0));
        Assert.Contains("yyyy-MM-ddTHH:mm:ssZ", error.Message);
    }

    [Theory]
    [InlineData("2026-12-07T19:01:00Z", 0)]
    [InlineData("2026-12-07T19:01:00.000+01:00", 1)]
    [InlineData("2026-12-07 19:01", null)]
    public void ISO_8601_text_is_read_with_its_offset_or_as_local_time(string text, int? offsetHours)
    {
        var local = new DateTime(2026, 12, 7, 19, 1, 0, DateTimeKind.Unspecified);
        var expected = new DateTimeOffset(local, offsetHours is { } hours ? TimeSpan.FromHours(hours) : TimeZoneInfo.Local.GetUtcOffset(local));
        Assert.Equal(expected.UtcDateTime, ClickInput.Create("s-1", "KB-1", 1, text, Entries.T0).Timestamp.UtcDateTime);
    }
}
