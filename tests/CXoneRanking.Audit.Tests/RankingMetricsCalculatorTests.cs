using CXoneRanking.Metrics;

namespace CXoneRanking.Audit.Tests;

/// <summary>
/// One small log, every figure computed by hand (see the comments), then filtered views of it.
/// </summary>
public class RankingMetricsCalculatorTests
{
    private static readonly DateTimeOffset T0 = Entries.T0;

    private static List<AuditEntry> Fixture() =>
    [
        Entries.Submitted("s-1", 100, T0, "A", "B", "C"),
        Entries.Click("s-1", "B", 2, T0.AddSeconds(10)),
        Entries.Click("s-1", "A", 1, T0.AddSeconds(5)),   // s-1's first click, though read second
        Entries.Submitted("s-2", 200, T0.AddMinutes(1), "B", "A"),
        Entries.Click("s-2", "A", 2, T0.AddSeconds(70)),
        Entries.Submitted("s-3", 300, T0.AddMinutes(2), "C", "A", "B", "D"),
        Entries.Click("s-3", "D", 4, T0.AddSeconds(130)),
        Entries.Click("s-3", "C", 1, T0.AddSeconds(140)),
        Entries.Failed("s-4", 1000, AuditEvent.RankingFailed, T0.AddMinutes(3)),
        Entries.Failed("s-5", 50, AuditEvent.RankingCancelled, T0.AddMinutes(4)),
        Entries.Submitted("s-6", 400, T0.AddMinutes(5), "A"),
        Entries.Click("s-9", "Z", 3, T0.AddMinutes(6)),   // a click on a session with no ranking in the log
    ];

    [Fact]
    public void Counts_outcomes_and_latency_percentiles_by_nearest_rank()
    {
        var m = RankingMetricsCalculator.Calculate(Fixture());

        Assert.Equal((6, 4, 2, 1), (m.Submissions, m.Succeeded, m.Failed, m.Cancelled));
        // Latencies sorted: 50 100 200 300 400 1000 (the cancelled and failed ones count too).
        Assert.Equal(2050.0 / 6, m.AverageLatencyMs!.Value, 9);
        Assert.Equal(200, m.P50LatencyMs); // rank ceil(0.50 * 6) = 3
        Assert.Equal(1000, m.P95LatencyMs); // rank ceil(0.95 * 6) = 6
        Assert.Equal(1000, m.P99LatencyMs);
        Assert.Equal((T0, T0.AddMinutes(6)), (m.FirstEntry!.Value, m.LastEntry!.Value));
    }

    [Fact]
    public void Computes_click_through_overall_and_by_position()
    {
        var m = RankingMetricsCalculator.Calculate(Fixture());

        Assert.Equal(3 + 2 + 4 + 1, m.Impressions);
        Assert.Equal(6, m.Clicks);
        // s-9's click has no ranking: a click, but no clicked impression.
        Assert.Equal((5L, 1L), (m.ClickedImpressions, m.ClicksWithoutRanking));
        Assert.Equal(0.5, m.ClickThroughRate, 12);
        // Position p is shown by every successful ranking at least p long; clicks count by their rank_position,
        // clicked impressions only where the session's ranking reached that position.
        Assert.Equal(
            [(1, 4L, 2L, 2L), (2, 3L, 2L, 2L), (3, 2L, 1L, 0L), (4, 1L, 1L, 1L)],
            m.ClickThroughRateByPosition.Select(p => (p.Position, p.Impressions, p.Clicks, p.ClickedImpressions)));
        Assert.Equal([0.5, 2.0 / 3, 0.0, 1.0], m.ClickThroughRateByPosition.Select(p => p.ClickThroughRate));
    }

    [Fact]
    public void Mean_reciprocal_rank_uses_each_successful_sessions_earliest_click()
    {
        var m = RankingMetricsCalculator.Calculate(Fixture());

        // s-1: first click at 1 -> 1; s-2: at 2 -> 1/2; s-3: earliest is D at 4 -> 1/4; s-6: no click -> 0.
        Assert.Equal((1 + 0.5 + 0.25 + 0) / 4, m.MeanReciprocalRank, 12);
    }

    [Fact]
    public void Top_snippets_rank_by_clicks_then_id_with_their_impressions()
    {
        var m = RankingMetricsCalculator.Calculate(Fixture());

        Assert.Equal(
            [("A", 4L, 2L), ("B", 3L, 1L), ("C", 2L, 1L), ("D", 1L, 1L), ("Z", 0L, 1L)],
            m.TopSnippets.Select(s => (s.SnippetId, s.Impressions!.Value, s.Clicks)));
        Assert.Equal([0.5, 1.0 / 3, 0.5, 1.0, 0.0], m.TopSnippets.Select(s => s.ClickThroughRate!.Value));
    }

    [Fact]
    public void Top_snippets_keep_ten_and_break_ties_by_ordinal_id()
    {
        var entries = Enumerable.Range(0, 12).Select(i => Entries.Click("s", $"k{i:D2}", 1)).ToList();
        entries.Add(Entries.Click("s", "k11", 1));
        entries.Add(Entries.Click("s", "K99", 1)); // upper case sorts before lower case in ordinal order

        var top = RankingMetricsCalculator.Calculate(entries).TopSnippets;

        Assert.Equal(["k11", "K99", "k00", "k01", "k02", "k03", "k04", "k05", "k06", "k07"], top.Select(t => t.SnippetId));
    }

    [Fact]
    public void Filters_by_session()
    {
        var m = RankingMetricsCalculator.Calculate(Fixture(), new RankingMetricsFilter { SessionIds = ["s-1", "s-3"] });

        Assert.Equal((2, 2, 0), (m.Submissions, m.Succeeded, m.Failed));
        Assert.Equal((7L, 4L), (m.Impressions, m.Clicks));
        Assert.Equal((1 + 0.25) / 2, m.MeanReciprocalRank, 12);
        Assert.Equal((200.0, 100.0, 300.0), (m.AverageLatencyMs!.Value, m.P50LatencyMs!.Value, m.P95LatencyMs!.Value));
        Assert.Equal(0, RankingMetricsCalculator.Calculate(Fixture(), new RankingMetricsFilter { SessionIds = ["S-1"] }).Submissions); // exact ids
    }

    [Fact]
    public void Filters_by_a_half_open_time_range()
    {
        var filter = new RankingMetricsFilter { Since = T0.AddMinutes(1), Until = T0.AddMinutes(4) };

        var m = RankingMetricsCalculator.Calculate(Fixture(), filter);

        // In: s-2 (exactly at Since), s-3, s-4 and the clicks at +70 s, +130 s, +140 s. Out: s-5 (exactly at Until).
        Assert.Equal((3, 2, 1, 0), (m.Submissions, m.Succeeded, m.Failed, m.Cancelled));
        Assert.Equal((6L, 3L), (m.Impressions, m.Clicks));
        Assert.Equal((0.5 + 0.25) / 2, m.MeanReciprocalRank, 12);
        Assert.Equal((filter.Since, filter.Until), (m.Since, m.Until));
    }

    [Fact]
    public void Nothing_to_count_gives_zeros_and_no_latency()
    {
        var m = RankingMetricsCalculator.Calculate([]);

        Assert.Equal((0, 0L, 0L, 0.0, 0.0), (m.Submissions, m.Impressions, m.Clicks, m.ClickThroughRate, m.MeanReciprocalRank));
        Assert.Null(m.AverageLatencyMs);
        Assert.Null(m.P99LatencyMs);
        Assert.Null(m.FirstEntry);
        Assert.Empty(m.ClickThroughRateByPosition);
        Assert.Empty(m.TopSnippets);
    }

    [Fact]
    public void Unknown_events_are_ignored_and_a_click_without_position_counts_only_as_a_click()
    {
        var odd = new AuditEntry("ranking.previewed", T0) { SessionId = "s-1" };
        var noPosition = new AuditEntry(AuditEvent.Click, T0) { SessionId = "s-1", SnippetId = "A" };

        var m = RankingMetricsCalculator.Calculate([Entries.Submitted("s-1", 10, T0, "A"), odd, noPosition]);

        Assert.Equal((1, 1L), (m.Submissions, m.Clicks));
        Assert.Equal(0.0, m.MeanReciprocalRank);
        Assert.Equal((1L, 0L), (m.ClickThroughRateByPosition.Single().Impressions, m.ClickThroughRateByPosition.Single().Clicks));
        Assert.Equal("A", m.TopSnippets.Single().SnippetId);
    }

    [Fact]
    public void Metrics_from_the_files_equal_metrics_from_the_entries()
    {
        using var dir = new TempDirectory();
        Entries.Writer(dir.Path).Append(Fixture());

        var fromFiles = RankingMetricsCalculator.Calculate(new AuditLogReader(dir.Path).ReadEntries());

        Assert.Equal(0.4375, fromFiles.MeanReciprocalRank, 12);
        Assert.Equal((6, 10L, 6L, 200.0), (fromFiles.Submissions, fromFiles.Impressions, fromFiles.Clicks, fromFiles.P50LatencyMs!.Value));
    }
}
