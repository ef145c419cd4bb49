using CXoneRanking.Api;
using CXoneRanking.Metrics;

namespace CXoneRanking.Audit.Tests;

/// <summary>
/// The -SkipUnchanged lookup (docs/design.md#skipping-unchanged-sessions): a session is known to
/// hold a ranking only when its latest outcome at the same target is ranking.submitted and no
/// write-ahead entry of it is left open. ranking.unchanged entries change nothing.
/// </summary>
public sealed class AppliedRankingIndexTests
{
    private const string Target = "http://127.0.0.1:5000/api/v2/agentassist/sessions/{sessionId}/snippets/ranking";
    private static readonly string ChecksumA = new('a', 64);
    private static readonly string ChecksumB = new('b', 64);

    private static AuditEntry Ranking(string eventName, string session, string key, string? checksum = null, string? target = Target, int second = 0)
    {
        var entry = AuditEntry.Ranking(eventName, session, Entries.T0.AddSeconds(second));
        entry.IdempotencyKey = key;
        entry.RankingChecksum = checksum ?? ChecksumA;
        entry.Target = target;
        return entry;
    }

    private static AppliedRankingIndex Index(params AuditEntry[] log)
    {
        var index = new AppliedRankingIndex(Target);
        foreach (var entry in log) index.Add(entry);
        return index;
    }

    [Fact]
    public void A_submitted_ranking_is_unchanged_only_with_the_same_checksum()
    {
        var index = Index(Ranking(AuditEvent.RankingSending, "s-1", "k1"), Ranking(AuditEvent.RankingSubmitted, "s-1", "k1", second: 1));

        var applied = index.Unchanged("s-1", ChecksumA.ToUpperInvariant());
        Assert.NotNull(applied);
        Assert.Equal(("k1", Entries.T0.AddSeconds(1)), (applied!.IdempotencyKey, applied.AppliedAt));
        Assert.Null(index.Unchanged("s-1", ChecksumB));
        Assert.Null(index.Unchanged("s-2", ChecksumA));
    }

    [Theory]
    [InlineData(AuditEvent.RankingFailed)]
    [InlineData(AuditEvent.RankingCancelled)]
    public void A_later_failure_or_cancellation_means_the_session_is_sent_again(string outcome)
    {
        var index = Index(Ranking(AuditEvent.RankingSubmitted, "s-1", "k1"), Ranking(AuditEvent.RankingSending, "s-1", "k2"),
            Ranking(outcome, "s-1", "k2", checksum: ChecksumA));

        Assert.Null(index.LastApplied("s-1"));
    }

    [Fact]
    public void A_write_ahead_entry_without_its_outcome_means_the_outcome_is_unknown_and_the_session_is_sent()
    {
        var open = Index(Ranking(AuditEvent.RankingSubmitted, "s-1", "k1"), Ranking(AuditEvent.RankingSending, "s-1", "k2"));
        // Two runs at once: the older outcome comes after the newer run's write-ahead entry.
        var interleaved = Index(Ranking(AuditEvent.RankingSending, "s-1", "k1"), Ranking(AuditEvent.RankingSending, "s-1", "k2"),
            Ranking(AuditEvent.RankingSubmitted, "s-1", "k1"));
        var answered = Index(Ranking(AuditEvent.RankingSending, "s-1", "k1"), Ranking(AuditEvent.RankingSending, "s-1", "k2"),
            Ranking(AuditEvent.RankingSubmitted, "s-1", "k1"), Ranking(AuditEvent.RankingSubmitted, "s-1", "k2", ChecksumB));

        Assert.Null(open.LastApplied("s-1"));
        Assert.Null(interleaved.LastApplied("s-1"));
        Assert.Equal(ChecksumB, answered.LastApplied("s-1")!.RankingChecksum);
    }

    [Fact]
    public void Entries_of_another_target_or_of_none_are_not_trusted()
    {
        const string otherPort = "http://127.0.0.1:5001/api/v2/agentassist/sessions/{sessionId}/snippets/ranking";
        var index = Index(Ranking(AuditEvent.RankingSubmitted, "s-1", "k1", target: otherPort),
            Ranking(AuditEvent.RankingSubmitted, "s-2", "k2", target: null),
            Ranking(AuditEvent.RankingFailed, "s-3", "k3", target: "https://other/ranking/{sessionId}"),
            Ranking(AuditEvent.RankingSubmitted, "s-3", "k4"));

        Assert.Null(index.LastApplied("s-1"));
        Assert.Null(index.LastApplied("s-2"));
        Assert.NotNull(index.LastApplied("s-3"));
        Assert.Equal(1, index.Sessions);
    }

    [Fact]
    public void An_unchanged_entry_leaves_the_applied_entry_behind_it_as_the_answer()
    {
        var unchanged = Ranking(AuditEvent.RankingUnchanged, "s-1", "k9", second: 5);
        var index = Index(Ranking(AuditEvent.RankingSubmitted, "s-1", "k1", second: 1), unchanged, Entries.Click("s-1", "KB-1", 1));

        Assert.Equal(("k1", Entries.T0.AddSeconds(1)), (index.LastApplied("s-1")!.IdempotencyKey, index.LastApplied("s-1")!.AppliedAt));
        Assert.Equal(3, index.EntriesRead);
    }

    [Fact]
    public void Read_builds_the_index_from_the_files_in_one_pass_and_the_target_survives_the_round_trip()
    {
        using var directory = new TempDirectory();
        var writer = Entries.Writer(directory.Path);
        writer.Append(Ranking(AuditEvent.RankingSending, "s-1", "k1"));
        writer.Append(Ranking(AuditEvent.RankingSubmitted, "s-1", "k1"));
        writer.Append(Ranking(AuditEvent.RankingSubmitted, "s-2", "k2", target: null));

        var index = AppliedRankingIndex.Read(directory.Path, Target);

        Assert.Equal(3, index.EntriesRead);
        Assert.NotNull(index.Unchanged("s-1", ChecksumA));
        Assert.Null(index.LastApplied("s-2"));
        Assert.Equal(0, AppliedRankingIndex.Read(System.IO.Path.Combine(directory.Path, "missing"), Target).Sessions);
    }

    [Fact]
    public void Read_skips_a_torn_last_line_as_the_other_readers_do()
    {
        using var directory = new TempDirectory();
        var writer = Entries.Writer(directory.Path);
        writer.Append(Ranking(AuditEvent.RankingSubmitted, "s-1", "k1"));
        var file = System.IO.Directory.GetFiles(directory.Path, "cxone-audit-*.jsonl").Single();
        System.IO.File.AppendAllText(file, "{\"timestamp\":\"2026-11-25T19:08:00.000Z\",\"event\":\"ranking.sending\",\"session_id\":\"s-1\",\"tar");

        var index = AppliedRankingIndex.Read(directory.Path, Target);

        Assert.NotNull(index.Unchanged("s-1", ChecksumA));
    }

    [Fact]
    public void Metrics_count_unchanged_sessions_apart_from_submissions()
    {
        var log = new[]
        {
            Entries.Submitted("s-1", 40, null, "KB-1", "KB-2"),
            Ranking(AuditEvent.RankingUnchanged, "s-1", "k9"),
            Ranking(AuditEvent.RankingUnchanged, "s-2", "k8"),
        };

        var metrics = RankingMetricsCalculator.Calculate(log);

        Assert.Equal((1, 0, 1, 2, 2L), (metrics.Submissions, metrics.Failed, metrics.Succeeded, metrics.Unchanged, metrics.Impressions));
    }

    [Fact]
    public void The_target_is_the_base_address_and_ranking_path_without_user_info_or_query()
    {
        var target = RankingTarget.Of(new Uri("https://user:pw@acme.example:8443/tenant/?token=x#f"), "/ranking-svc/sessions/{sessionId}/ranking");

        Assert.Equal("https://acme.example:8443/tenant/ranking-svc/sessions/{sessionId}/ranking", target);
    }
}
