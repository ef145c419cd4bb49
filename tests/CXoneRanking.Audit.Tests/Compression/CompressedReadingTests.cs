using System.Text.Json;
using CXoneRanking.Experiments;
using CXoneRanking.Learning;
using CXoneRanking.Metrics;
using CXoneRanking.Reporting;

namespace CXoneRanking.Audit.Tests.Compression;

/// <summary>
/// Every reader and the verifier read <c>.jsonl.gz</c> like <c>.jsonl</c>: a folder with some days compressed gives exactly
/// what the same folder all raw gives, through the public Core entry points the cmdlets use.
/// </summary>
public sealed class CompressedReadingTests : IClassFixture<CompressedReadingTests.Folders>
{
    private readonly Folders _folders;

    public CompressedReadingTests(Folders folders) => _folders = folders;

    /// <summary>A realistic six-day log, all raw, and a copy of it with every day but the last two compressed.</summary>
    public sealed class Folders : IDisposable
    {
        public Folders()
        {
            var now = RealisticLog.Write(Raw.Path, days: 6, sessionsPerDay: 40);
            Mixed = CompressedFolder.CopyOf(Raw.Path);
            Compression = CompressedFolder.Compress(Mixed.Path, now, afterDays: 2);
        }

        internal TempDirectory Raw { get; } = new();
        internal TempDirectory Mixed { get; }
        public AuditCompressionResult Compression { get; }

        public void Dispose()
        {
            Raw.Dispose();
            Mixed.Dispose();
        }
    }

    private string Raw => _folders.Raw.Path;
    private string Mixed => _folders.Mixed.Path;

    // The same figures, once each folder's name (and a file's .gz) is taken out of the paths a result names.
    private void Same<T>(Func<string, T> read)
    {
        var raw = JsonSerializer.Serialize(read(Raw));
        var mixed = JsonSerializer.Serialize(read(Mixed)).Replace(Mixed, Raw).Replace(".jsonl.gz", ".jsonl");
        Assert.Equal(raw, mixed);
    }

    [Fact]
    public void The_mixed_folder_has_compressed_and_raw_days()
    {
        Assert.Equal(4, _folders.Compression.Compressed.Count);
        Assert.Equal(4, CompressedFolder.Names(Mixed).Count(n => n.EndsWith(".gz", StringComparison.Ordinal)));
        Assert.Equal(2, CompressedFolder.Names(Mixed).Count(n => n.EndsWith(".jsonl", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_verifier_gives_the_same_result()
    {
        var mixed = AuditChainVerifier.Verify(Mixed);
        Assert.True(mixed.IsValid, mixed.ToString());
        Same(dir => AuditChainVerifier.Verify(dir));
    }

    [Fact]
    public void Metrics_experiments_learning_and_the_report_give_the_same_figures()
    {
        Same(dir => RankingMetricsCalculator.Calculate(new AuditLogReader(dir).ReadEntries()));
        Same(dir => RankingExperimentCalculator.Calculate(new AuditLogReader(dir).ReadEntries()));
        Same(dir => PositionBasedClickModel.Fit(ClickLogObservations.Collect(new AuditLogReader(dir).ReadEntries())));
        Same(dir => RankingReportBuilder.Collect(new AuditLogReader(dir).ReadEntries()).Metrics);
        Assert.NotEmpty(RankingExperimentCalculator.Calculate(new AuditLogReader(Mixed).ReadEntries()));
    }

    [Fact]
    public void The_history_and_what_if_readers_give_the_same_rankings()
    {
        Same(dir => LoggedShowingReader.Read(dir).Showings.Select(s => new { s.SessionId, s.Shown, s.ClickedPositions, s.Clicks }).ToList());
        Same(dir => RankingHistoryReader.Read(dir, "contact-700000003").Rankings
            .Select(r => new { r.Timestamp, r.Status, r.Snippets, r.RankingChecksum, r.Verified, Replayed = r.Replay().Payload?.ComputeChecksum() })
            .ToList());
        Assert.NotEmpty(RankingHistoryReader.Read(Mixed, "contact-700000003").Rankings);
    }

    [Fact]
    public void SkipUnchanged_knows_the_same_applied_rankings()
    {
        var target = new AuditLogReader(Raw).ReadEntries().First(e => e.Target is not null).Target!;
        var raw = AppliedRankingIndex.Read(Raw, target);
        var mixed = AppliedRankingIndex.Read(Mixed, target);

        Assert.Null(mixed.Problem);
        Assert.True(raw.Sessions > 100, $"{raw.Sessions} sessions");
        Assert.Equal((raw.EntriesRead, raw.Sessions), (mixed.EntriesRead, mixed.Sessions));
        foreach (var session in Enumerable.Range(0, 40).Select(s => $"contact-{700000000 + s}"))
            Assert.Equal(raw.LastApplied(session)?.RankingChecksum, mixed.LastApplied(session)?.RankingChecksum);
    }

    [Fact]
    public void The_newest_values_for_completion_are_the_same()
    {
        Assert.Equal(RecentAuditValues.SessionIds(Raw), RecentAuditValues.SessionIds(Mixed));
        Assert.NotEmpty(RecentAuditValues.SessionIds(Mixed));
    }
}
