using CXoneRanking.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Audit.Tests.BoundedMetrics;

/// <summary>
/// docs/audit-log.md#daily-summaries: the first unfiltered read summarises every closed day it reads raw and leaves one
/// checkpoint; later reads merge the summaries and read only the days after the checkpoint; a summary missing, damaged
/// or stale, or a folder that cannot hold them, means reading raw (said with Verbose) and rewriting; every figure is
/// always the one of reading every entry raw with the calculator as it was before.
/// </summary>
public sealed class DailySummaryTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly List<(DateTime Day, AuditEntry Entry)> _log = Log(seed: 26, sessions: 14, steps: 500);
    private readonly List<string> _verbose = [];

    public void Dispose() => _dir.Dispose();

    private string Summaries => Path.Combine(_dir.Path, DailySummaryStore.FolderName);

    private static List<(DateTime, AuditEntry)> Log(int seed, int sessions, int steps)
    {
        var random = new Random(seed);
        var picks = Enumerable.Range(0, steps).Select(_ => (random.Next(sessions), random.Next(8), random.Next(14), random.Next(6),
            random.Next(86_400), random.Next(-3, 4))).ToArray();
        return MultiDayLogs.Build(picks);
    }

    private void Write(IEnumerable<(DateTime Day, AuditEntry Entry)> log)
    {
        foreach (var day in log.GroupBy(e => e.Day))
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(day.Key.AddHours(23), TimeSpan.Zero));
            Entries.Writer(_dir.Path, o => (o.TimeProvider, o.MaxFileBytes) = (clock, 4_000))
                .Append(day.Select(e => e.Entry).ToList());
        }
    }

    private RankingMetrics Read(DateTime today, RankingMetricsFilter? filter = null) =>
        Reader(today, filter).Read();

    private RankingMetricsReader Reader(DateTime today, RankingMetricsFilter? filter = null) =>
        new(_dir.Path, filter) { Today = today, Verbose = _verbose.Add };

    private RankingMetrics Raw(RankingMetricsFilter? filter = null) =>
        ReferenceMetricsCalculator.Calculate(new AuditLogReader(_dir.Path).ReadEntries(), filter);

    private DateTime Today => _log[^1].Day.AddDays(1);

    private int ClosedDays => _log.Select(e => e.Day).Distinct().Count() - 1;

    [Fact]
    public void The_first_read_summarises_every_closed_day_and_the_second_reads_only_the_open_one()
    {
        Write(_log);

        var first = Reader(Today);
        MetricsAssert.Same(Raw(), first.Read());
        Assert.Equal(0, first.DaysSummarised);
        Assert.Equal(ClosedDays, Directory.GetFiles(Summaries, "cxone-summary-2*.json").Length);
        Assert.Single(Directory.GetFiles(Summaries, "cxone-summary-checkpoint-*.json.gz"));

        var second = Reader(Today);
        MetricsAssert.Same(Raw(), second.Read());
        Assert.Equal(ClosedDays, second.DaysSummarised);
        Assert.Equal(AuditLogFile.List(_dir.Path).Count(f => f.Day == _log[^1].Day), second.FilesRead);
        Assert.Contains(_verbose, v => v.StartsWith($"Used the summaries of {ClosedDays} closed day(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Days_written_after_the_checkpoint_are_read_raw_and_summarised_in_turn()
    {
        var more = _log.Select(e => (e.Day.AddDays(40), Copy(e.Entry, 40))).ToList();
        Write(_log);
        Read(Today);
        Write(more);

        var later = Reader(more[^1].Item1.AddDays(1));
        MetricsAssert.Same(Raw(), later.Read());
        Assert.Equal(ClosedDays, later.DaysSummarised);
        MetricsAssert.Same(Raw(), Read(more[^1].Item1.AddDays(1)));
        Assert.Single(Directory.GetFiles(Summaries, "cxone-summary-checkpoint-*.json.gz"));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("damaged")]
    [InlineData("stale")]
    [InlineData("foreign")]
    public void A_summary_that_does_not_hold_means_reading_raw_and_writing_it_again(string fault)
    {
        Write(_log);
        Read(Today);
        var victim = Directory.GetFiles(Summaries, "cxone-summary-2*.json").Order(StringComparer.Ordinal).ElementAt(3);
        var good = File.ReadAllText(victim);
        switch (fault)
        {
            case "missing": File.Delete(victim); break;
            case "damaged": File.WriteAllText(victim, good[..(good.Length / 2)]); break;
            case "stale": File.WriteAllText(victim, good.Replace("\"length\":", "\"length\":1", StringComparison.Ordinal)); break;
            default: File.WriteAllText(victim, "{\"hello\":1}"); break;
        }
        _verbose.Clear();

        var reader = Reader(Today);
        MetricsAssert.Same(Raw(), reader.Read());

        Assert.Equal(0, reader.DaysSummarised);
        Assert.Contains(_verbose, v => v.StartsWith("Reading every day raw: the summary of ", StringComparison.Ordinal) && v.Contains(fault == "foreign" ? "damaged" : fault));
        Assert.Equal(good, File.ReadAllText(victim));
        Assert.Equal(ClosedDays, Reader(Today).Apply(r => r.Read()).DaysSummarised);
    }

    [Fact]
    public void A_damaged_checkpoint_means_reading_raw()
    {
        Write(_log);
        Read(Today);
        File.WriteAllText(Directory.GetFiles(Summaries, "cxone-summary-checkpoint-*.json.gz").Single(), "not gzip");

        var reader = Reader(Today);
        MetricsAssert.Same(Raw(), reader.Read());
        Assert.Equal(0, reader.DaysSummarised);
        Assert.Contains(_verbose, v => v.Contains("the checkpoint is damaged", StringComparison.Ordinal));
        Assert.Equal(ClosedDays, Reader(Today).Apply(r => r.Read()).DaysSummarised);
    }

    [Fact]
    public void A_folder_that_cannot_hold_summaries_is_read_raw_every_time()
    {
        Write(_log);
        File.WriteAllText(Summaries, "in the way");   // a file where the folder would be

        MetricsAssert.Same(Raw(), Read(Today));
        Assert.Contains(_verbose, v => v.StartsWith("Could not write the summary of ", StringComparison.Ordinal));
        Assert.Equal(0, Reader(Today).Apply(r => r.Read()).DaysSummarised);
    }

    [Fact]
    public void Filtered_reads_neither_use_nor_write_summaries()
    {
        Write(_log);
        var filter = new RankingMetricsFilter { SessionIds = ["s-3", "s-4"] };

        MetricsAssert.Same(Raw(filter), Read(Today, filter));
        Assert.False(Directory.Exists(Summaries));
        Read(Today);
        var since = new RankingMetricsFilter { Since = new DateTimeOffset(MultiDayLogs.Day0.AddDays(9), TimeSpan.Zero) };
        var reader = Reader(Today, since);
        MetricsAssert.Same(Raw(since), reader.Read());
        Assert.Equal(0, reader.DaysSummarised);
    }

    [Fact]
    public void Today_and_the_newest_file_day_are_never_summarised()
    {
        Write(_log);
        var reader = Reader(_log[^1].Day.AddDays(-2));
        MetricsAssert.Same(Raw(), reader.Read());
        Assert.All(Directory.GetFiles(Summaries, "cxone-summary-2*.json"),
            f => Assert.True(string.CompareOrdinal(Path.GetFileName(f), DailySummaryStore.SummaryName(_log[^1].Day.AddDays(-2))) < 0));
    }

    [Fact]
    public void The_check_deletes_a_summary_whose_last_hash_is_not_the_chains_and_keeps_the_others()
    {
        Write(_log);
        Read(Today);
        var all = Directory.GetFiles(Summaries, "cxone-summary-2*.json").Order(StringComparer.Ordinal).ToList();
        var edited = all[2];
        var text = File.ReadAllText(edited);
        var at = text.IndexOf("\"last_hash\":\"", StringComparison.Ordinal) + 13;
        File.WriteAllText(edited, text[..at] + (text[at] == '0' ? '1' : '0') + text[(at + 1)..]);

        var removed = DailySummaryCheck.RemoveMismatched(_dir.Path);

        var line = Assert.Single(removed);
        Assert.StartsWith(Path.GetFileName(edited) + ": its last hash ", line, StringComparison.Ordinal);
        Assert.False(File.Exists(edited));
        Assert.Equal(all.Count - 1, Directory.GetFiles(Summaries, "cxone-summary-2*.json").Length);
        Assert.Empty(DailySummaryCheck.RemoveMismatched(_dir.Path));
        MetricsAssert.Same(Raw(), Read(Today));
        Assert.True(File.Exists(edited));
    }

    private static AuditEntry Copy(AuditEntry entry, int days)
    {
        var copy = entry.Event == AuditEvent.Click
            ? Entries.Click(entry.SessionId! + "-b", entry.SnippetId!, entry.RankPosition ?? 1)
            : new AuditEntry(entry.Event, entry.Timestamp) { SessionId = entry.SessionId + "-b" };
        copy.Timestamp = entry.Timestamp.AddDays(days);
        (copy.RankPosition, copy.Snippets, copy.SnippetCount, copy.LatencyMs, copy.Status) =
            (entry.RankPosition, entry.Snippets, entry.SnippetCount, entry.LatencyMs, entry.Status);
        (copy.IdempotencyKey, copy.RankingChecksum, copy.Experiment, copy.Arm) =
            (entry.IdempotencyKey is null ? null : entry.IdempotencyKey + "-b", entry.RankingChecksum, entry.Experiment, entry.Arm);
        return copy;
    }
}

internal static class ReaderExtensions
{
    public static RankingMetricsReader Apply(this RankingMetricsReader reader, Action<RankingMetricsReader> action)
    {
        action(reader);
        return reader;
    }
}
