using CsCheck;
using CXoneRanking.Metrics;

namespace CXoneRanking.Audit.Tests.BoundedMetrics;

/// <summary>
/// docs/audit-log.md#bounded-memory-the-session-horizon: on logs where no session has a gap longer than the horizon,
/// the bounded fold (told where each file day starts) gives every figure of the calculator as it was before it,
/// kept verbatim in <see cref="ReferenceMetricsCalculator"/>.
/// </summary>
public sealed class SessionHorizonEquivalenceTests
{
    [Fact]
    public void The_bounded_fold_gives_every_figure_of_the_unbounded_calculator()
    {
        MultiDayLogs.Log.Sample(log =>
        {
            var expected = ReferenceMetricsCalculator.Calculate(log.Select(e => e.Entry));
            MetricsAssert.Same(expected, Fold(log));
        }, iter: 400);
    }

    [Fact]
    public void The_bounded_fold_agrees_under_any_filter()
    {
        Gen.Select(MultiDayLogs.Log, Gen.Int[0, 20], Gen.Int[0, 20], Gen.Bool).Sample((log, from, to, sessions) =>
        {
            var filter = new RankingMetricsFilter
            {
                Since = new DateTimeOffset(MultiDayLogs.Day0.AddDays(from), TimeSpan.Zero),
                Until = new DateTimeOffset(MultiDayLogs.Day0.AddDays(from + to + 1), TimeSpan.Zero),
                SessionIds = sessions ? ["s-1", "s-2", "expert-query-3"] : null,
            };
            MetricsAssert.Same(ReferenceMetricsCalculator.Calculate(log.Select(e => e.Entry), filter), Fold(log, filter));
        }, iter: 200);
    }

    [Fact]
    public void Entries_without_file_days_are_one_day()
    {
        MultiDayLogs.Log.Sample(log =>
            MetricsAssert.Same(ReferenceMetricsCalculator.Calculate(log.Select(e => e.Entry)),
                RankingMetricsCalculator.Calculate(log.Select(e => e.Entry))), iter: 100);
    }

    internal static RankingMetrics Fold(List<(DateTime Day, AuditEntry Entry)> log, RankingMetricsFilter? filter = null)
    {
        var calculator = new RankingMetricsCalculator(filter);
        foreach (var (day, entry) in log)
        {
            calculator.StartDay(day);
            calculator.Add(entry);
        }
        return calculator.Result();
    }
}
