using CXoneRanking.Learning;
using CXoneRanking.Metrics;
using CXoneRanking.Reporting;

namespace CXoneRanking.Audit.Tests;

/// <summary>
/// A ranking.sending (write-ahead) entry with no outcome after it is a session whose outcome is
/// unknown: every reader says so, and counts it neither as a success nor as a failure. One
/// followed by its outcome counts once, as that outcome. Logs without write-ahead entries
/// read as before.
/// </summary>
public sealed class OutcomeUnknownTests
{
    private static AuditEntry Sending(string session, string key, DateTimeOffset? at = null)
    {
        var entry = AuditEntry.Ranking(AuditEvent.RankingSending, session, at ?? Entries.T0);
        entry.IdempotencyKey = key;
        entry.Snippets = ["KB-1", "KB-2"];
        entry.SnippetCount = 2;
        entry.RankingChecksum = new string('a', 64);
        return entry;
    }

    private static AuditEntry Keyed(AuditEntry entry, string key)
    {
        entry.IdempotencyKey = key;
        return entry;
    }

    // s-ok: sent and applied; s-bad: sent and refused; s-lost: sent, no outcome; s-old: an older writer's entry (no write-ahead).
    private static List<AuditEntry> Log() =>
    [
        Sending("s-ok", "k-ok"),
        Sending("s-bad", "k-bad"),
        Keyed(Entries.Submitted("s-ok", 40, null, "KB-1", "KB-2"), "k-ok"),
        Keyed(Entries.Failed("s-bad", 80), "k-bad"),
        Sending("s-lost", "k-lost"),
        Entries.Submitted("s-old", 120, null, "KB-3"),
        Entries.Click("s-lost", "KB-1", 1, Entries.T0.AddSeconds(5)),
    ];

    [Fact]
    public void Metrics_count_an_unanswered_write_ahead_as_unknown_and_a_pair_once()
    {
        var metrics = RankingMetricsCalculator.Calculate(Log());

        Assert.Equal((2, 1, 1, 4), (metrics.Succeeded, metrics.Failed, metrics.OutcomeUnknown, metrics.Submissions));
        Assert.Equal(3, metrics.Impressions);
        Assert.Equal(80, metrics.AverageLatencyMs); // 40, 80 and 120 ms: a write-ahead entry has no latency of its own
        Assert.Equal(80, metrics.P50LatencyMs);
    }

    [Fact]
    public void A_range_that_ends_between_a_write_ahead_and_its_outcome_does_not_invent_an_unknown_outcome()
    {
        var late = Keyed(Entries.Submitted("s-1", 40, Entries.T0.AddSeconds(2), "KB-1"), "k-1");
        var log = new[] { Sending("s-1", "k-1", Entries.T0), late };

        var metrics = RankingMetricsCalculator.Calculate(log, new RankingMetricsFilter { Until = Entries.T0.AddSeconds(1) });

        Assert.Equal((0, 0, 0), (metrics.Succeeded, metrics.Failed, metrics.OutcomeUnknown));
    }

    [Fact]
    public void The_verifier_lists_each_session_with_an_unknown_outcome_and_the_chain_stays_valid()
    {
        using var dir = new TempDirectory();
        Entries.Writer(dir.Path).Append(Log());

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.True(result.IsValid);
        var unknown = Assert.Single(result.OutcomeUnknown);
        Assert.Equal(("s-lost", "k-lost", 5), (unknown.SessionId, unknown.IdempotencyKey, unknown.LineNumber));
        Assert.Contains("1 sessions with an unknown outcome", result.ToString());
    }

    [Fact]
    public void The_click_model_learns_nothing_from_an_unknown_outcome_and_counts_it_apart()
    {
        var observations = ClickLogObservations.Collect(Log());

        Assert.Equal((2L, 1L), (observations.Submissions, observations.SubmissionsOutcomeUnknown));
        Assert.Equal(0, observations.Clicks);
        Assert.Equal(1, observations.ClicksWithoutRanking);
    }

    [Fact]
    public void The_report_shows_the_unknown_outcomes_beside_the_metrics()
    {
        var report = RankingReportBuilder.Collect(Log());

        Assert.Equal(1, report.Metrics.OutcomeUnknown);
        Assert.DoesNotContain(report.FailuresByCause, f => f.Key == AuditEvent.RankingSending);
        Assert.Contains("data-metric=\"outcome-unknown\" data-value=\"1\"", HtmlReportWriter.Render(report));
    }
}
