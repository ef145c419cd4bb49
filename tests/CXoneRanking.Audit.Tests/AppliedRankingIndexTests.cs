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
        var answered = Index(Ranking(AuditEvent.RankingSending, "s-1", "k1"), Ranking(AuditEvent.RankingSubmitted, "s-1", "k1"),
            Ranking(AuditEvent.RankingSending, "s-1", "k2"), Ranking(AuditEvent.RankingSubmitted, "s-1", "k2", ChecksumB));

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
    public void Sends_to_one_session_that_overlapped_cannot_be_ordered_by_the_log_so_the_session_is_sent()
    {
        // Two runs: X (k1) then Y (k2); X's outcome is written after Y's (its callback was slow).
        // The engine may hold either, whatever order the outcomes were written in.
        var slowCallback = Index(Ranking(AuditEvent.RankingSending, "s-1", "k1"), Ranking(AuditEvent.RankingSending, "s-1", "k2", ChecksumB),
            Ranking(AuditEvent.RankingSubmitted, "s-1", "k2", ChecksumB), Ranking(AuditEvent.RankingSubmitted, "s-1", "k1"));
        var inOrder = Index(Ranking(AuditEvent.RankingSending, "s-1", "k1"), Ranking(AuditEvent.RankingSending, "s-1", "k2", ChecksumB),
            Ranking(AuditEvent.RankingSubmitted, "s-1", "k1"), Ranking(AuditEvent.RankingSubmitted, "s-1", "k2", ChecksumB));
        var sameRanking = Index(Ranking(AuditEvent.RankingSending, "s-1", "k1"), Ranking(AuditEvent.RankingSending, "s-1", "k2"),
            Ranking(AuditEvent.RankingSubmitted, "s-1", "k2"), Ranking(AuditEvent.RankingSubmitted, "s-1", "k1"));

        Assert.Null(slowCallback.Unchanged("s-1", ChecksumA));
        Assert.Null(slowCallback.Unchanged("s-1", ChecksumB));
        Assert.Null(inOrder.LastApplied("s-1"));
        Assert.Equal("k1", sameRanking.Unchanged("s-1", ChecksumA)?.IdempotencyKey);
    }

    [Fact]
    public void A_send_that_started_after_the_other_was_answered_is_the_one_applied_and_settles_an_earlier_overlap()
    {
        var index = Index(Ranking(AuditEvent.RankingSending, "s-1", "k1"), Ranking(AuditEvent.RankingSending, "s-1", "k2", ChecksumB),
            Ranking(AuditEvent.RankingSubmitted, "s-1", "k2", ChecksumB), Ranking(AuditEvent.RankingSubmitted, "s-1", "k1"),
            Ranking(AuditEvent.RankingSending, "s-1", "k3", ChecksumB), Ranking(AuditEvent.RankingSubmitted, "s-1", "k3", ChecksumB));

        Assert.Equal("k3", index.Unchanged("s-1", ChecksumB)?.IdempotencyKey);
    }

    [Fact]
    public void A_write_ahead_entry_orphaned_by_a_killed_run_is_settled_by_a_later_success()
    {
        var settled = Index(Ranking(AuditEvent.RankingSubmitted, "s-1", "k0"), Ranking(AuditEvent.RankingSending, "s-1", "k1", ChecksumB),
            Ranking(AuditEvent.RankingSending, "s-1", "k2"), Ranking(AuditEvent.RankingSubmitted, "s-1", "k2"));
        var failedSince = Index(Ranking(AuditEvent.RankingSending, "s-1", "k1"), Ranking(AuditEvent.RankingSending, "s-1", "k2"),
            Ranking(AuditEvent.RankingFailed, "s-1", "k2"));

        Assert.Equal("k2", settled.Unchanged("s-1", ChecksumA)?.IdempotencyKey);
        Assert.Null(failedSince.LastApplied("s-1"));
    }

    [Fact]
    public void Read_trusts_nothing_when_a_line_was_edited_after_it_was_written()
    {
        using var directory = new TempDirectory();
        var writer = Entries.Writer(directory.Path);
        writer.Append(Ranking(AuditEvent.RankingSending, "s-1", "k1"));
        writer.Append(Ranking(AuditEvent.RankingSubmitted, "s-1", "k1"));
        writer.Append(Ranking(AuditEvent.RankingSending, "s-2", "k2"));
        writer.Append(Ranking(AuditEvent.RankingSubmitted, "s-2", "k2"));
        var file = System.IO.Directory.GetFiles(directory.Path, "cxone-audit-*.jsonl").Single();
        var lines = System.IO.File.ReadAllLines(file);
        Assert.Null(AppliedRankingIndex.Read(directory.Path, Target).Problem);

        // s-2 was sent B, but someone makes its ranking.submitted line say A, keeping the old hash.
        lines[3] = lines[3].Replace(ChecksumA, ChecksumB, StringComparison.Ordinal);
        System.IO.File.WriteAllLines(file, lines);
        var edited = AppliedRankingIndex.Read(directory.Path, Target);

        Assert.Null(edited.Unchanged("s-1", ChecksumA));
        Assert.Null(edited.Unchanged("s-2", ChecksumB));
        Assert.Contains("line 4", edited.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_trusts_nothing_when_a_line_was_removed_or_rehashed()
    {
        using var directory = new TempDirectory();
        var writer = Entries.Writer(directory.Path);
        writer.Append(Ranking(AuditEvent.RankingSubmitted, "s-1", "k1"));
        writer.Append(Ranking(AuditEvent.RankingSending, "s-1", "k2", ChecksumB));
        writer.Append(Ranking(AuditEvent.RankingFailed, "s-1", "k2", ChecksumB));
        writer.Append(Entries.Click("s-1", "KB-1", 1));
        var file = System.IO.Directory.GetFiles(directory.Path, "cxone-audit-*.jsonl").Single();
        var lines = System.IO.File.ReadAllLines(file);

        // Without the write-ahead entry and the failure, s-1 would look applied with A.
        System.IO.File.WriteAllLines(file, [lines[0], lines[3]]);
        var removed = AppliedRankingIndex.Read(directory.Path, Target);

        Assert.Null(removed.LastApplied("s-1"));
        Assert.Contains("line 2", removed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_target_names_the_tenant_or_else_the_client_and_never_a_secret()
    {
        var baseUri = new Uri("https://api-c1.cxone.example/");
        const string path = "/api/v2/agentassist/sessions/{sessionId}/snippets/ranking";

        var tenantA = RankingTarget.Of(baseUri, path, "tenant-a", "client-1");
        var tenantB = RankingTarget.Of(baseUri, path, "tenant-b", "client-1");
        var clientOnly = RankingTarget.Of(baseUri, path, null, "client-1");

        Assert.NotEqual(tenantA, tenantB);
        Assert.NotEqual(clientOnly, RankingTarget.Of(baseUri, path, null, "client-2"));
        Assert.NotEqual(clientOnly, tenantA);
        Assert.StartsWith("https://api-c1.cxone.example/api/v2/agentassist/sessions/{sessionId}/snippets/ranking", tenantA, StringComparison.Ordinal);
        Assert.Contains("tenant-a", tenantA, StringComparison.Ordinal);
        Assert.Contains("client-1", clientOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("client-1", tenantA, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_without_a_tenant_or_client_are_not_trusted_by_a_qualified_target()
    {
        var baseUri = new Uri("https://api-c1.cxone.example/");
        const string path = "/api/v2/agentassist/sessions/{sessionId}/snippets/ranking";
        var index = new AppliedRankingIndex(RankingTarget.Of(baseUri, path, "tenant-a", "client-1"));

        index.Add(Ranking(AuditEvent.RankingSubmitted, "s-1", "k1", target: RankingTarget.Of(baseUri, path)));

        Assert.Null(index.LastApplied("s-1"));
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
