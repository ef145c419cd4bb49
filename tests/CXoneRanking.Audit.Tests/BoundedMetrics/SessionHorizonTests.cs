using CXoneRanking.Metrics;

namespace CXoneRanking.Audit.Tests.BoundedMetrics;

/// <summary>
/// docs/audit-log.md#bounded-memory-the-session-horizon: a session stays open while it had an entry in the files of
/// the last 7 days, so a click written up to 7 file days after its session's last entry is matched, and one written
/// later starts the session afresh (without ranking); and the open sessions are those of the last 8 days at most.
/// </summary>
public sealed class SessionHorizonTests
{
    private static readonly DateTime Day0 = MultiDayLogs.Day0;

    [Theory]
    [InlineData(6, 1, 0)]
    [InlineData(7, 1, 0)]
    [InlineData(8, 0, 1)]
    [InlineData(30, 0, 1)]
    public void A_click_written_days_after_its_session_is_matched_within_the_horizon(int daysLater, long clicked, long withoutRanking)
    {
        var shown = new DateTimeOffset(Day0.AddHours(9), TimeSpan.Zero);
        var log = new List<(DateTime, AuditEntry)>
        {
            (Day0, Entries.Submitted("s-1", 80, shown, "K1", "K2")),
            (Day0.AddDays(1), Entries.Submitted("s-other", 80, shown.AddDays(1), "K1")),
            // Back-dated: made an hour after the ranking, written daysLater file days later (a weekly import).
            (Day0.AddDays(daysLater), Entries.Click("s-1", "K2", 2, shown.AddHours(1))),
        };

        var m = SessionHorizonEquivalenceTests.Fold(log);

        Assert.Equal((1L, clicked, withoutRanking), (m.Clicks, m.ClickedImpressions, m.ClicksWithoutRanking));
        Assert.Equal(3, m.Impressions);
    }

    [Fact]
    public void Open_sessions_after_a_long_log_are_those_with_an_entry_in_the_last_8_days()
    {
        var calculator = new RankingMetricsCalculator();
        var lastDay = new Dictionary<string, int>();
        const int days = 60, perDay = 50;
        for (var day = 0; day < days; day++)
        {
            calculator.StartDay(Day0.AddDays(day));
            var at = new DateTimeOffset(Day0.AddDays(day).AddHours(8), TimeSpan.Zero);
            for (var s = 0; s < perDay; s++)
            {
                calculator.Add(Entries.Submitted($"s-{day}-{s}", 50, at, "K1", "K2"));
                lastDay[$"s-{day}-{s}"] = day;
                // Half the sessions get a click written 3 file days later, made an hour after their ranking.
                if (day < 3 || s % 2 == 1) continue;
                calculator.Add(Entries.Click($"s-{day - 3}-{s}", "K1", 1, at.AddDays(-3).AddHours(1)));
                lastDay[$"s-{day - 3}-{s}"] = day;
            }
            var recent = lastDay.Values.Count(d => d >= day - SessionHorizon.Days);
            Assert.Equal(recent, calculator.OpenSessions);
            Assert.True(recent <= (SessionHorizon.Days + 1) * perDay + perDay / 2 * 3, $"{recent} sessions open on day {day}");
        }
        var m = calculator.Result();
        Assert.Equal(((long)days * perDay, (long)(days - 3) * perDay / 2, 0L), (m.Impressions / 2, m.ClickedImpressions, m.ClicksWithoutRanking));
    }
}
