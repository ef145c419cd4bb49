using CXoneRanking.Audit;
using CXoneRanking.Metrics;

namespace CXoneRanking.Tests.Replay;

/// <summary>
/// The log is a complete record (docs/audit-log.md#how-a-ranking-came-to-be): for every submission of a large log written
/// through the real submit path, replaying its logged candidates with its logged options gives exactly the logged
/// snippets and ranking_checksum; invalid and held-back sessions replay invalid.
/// </summary>
public sealed class RankingReplayTests : IClassFixture<RankingReplayTests.Log>
{
    private readonly Log _log;

    public RankingReplayTests(Log log) => _log = log;

    public sealed class Log : IDisposable
    {
        public GeneratedRankingLog Generated { get; } = GeneratedRankingLog.WriteAsync().GetAwaiter().GetResult();
        public void Dispose() => Generated.Dispose();
    }

    private string AuditPath => _log.Generated.AuditPath;

    private List<LoggedRanking> EverySubmission()
    {
        var assembler = new LoggedRankingAssembler();
        var rankings = new List<LoggedRanking>();
        foreach (var entry in new AuditLogReader(AuditPath) { CandidatesFor = _ => true }.ReadEntries())
        {
            if (assembler.AddDirectives(entry)) continue;
            if (entry.Event == AuditEvent.RankingSending) assembler.AddSending(entry);
            else if (AuditEvent.IsRanking(entry.Event)) rankings.Add(assembler.Complete(entry));
        }
        rankings.AddRange(assembler.Unanswered());
        foreach (var ranking in rankings.Where(r => r.HasCandidates)) Assert.True(assembler.Resolve(ranking), ranking.ToString());
        return rankings;
    }

    [Fact]
    public void Replaying_every_logged_submission_gives_exactly_its_logged_snippets_and_checksum()
    {
        var rankings = EverySubmission().Where(r => r.HasCandidates).ToList();

        Assert.Equal(_log.Generated.Submissions, rankings.Count);
        Assert.Contains(rankings, r => r.Status == "Succeeded" && r.Experiment is not null && r.Arm == "Treatment");
        Assert.Contains(rankings, r => r.Status == "InvalidRanking" && r.HeldBack.Count > 0);
        Assert.Contains(rankings, r => r.Status == "InvalidRanking" && r.HeldBack.Count == 0 && r.DirectiveSetHash is null);
        Assert.Contains(rankings, r => r.Status == "Cancelled" && r.Snippets.Count > 0);
        Assert.Contains(rankings, r => r.Overflow == OverflowMode.Clamp && r.Normalize && r.Directives!.Count > 0);
        foreach (var ranking in rankings)
        {
            var replay = ranking.Replay();
            Assert.Equal((ranking.Experiment, ranking.Arm), (replay.Experiment, replay.Arm));
            // A ranking with no payload (invalid, held back) logs no snippets; it may also have been stopped before it started.
            Assert.Equal(ranking.Snippets.Count > 0, replay.IsValid);
            if (!replay.IsValid) continue;
            Assert.Equal(ranking.Snippets, replay.Payload!.Snippets.Select(s => s.SnippetId));
            if (ranking.RankingChecksum is { } checksum) Assert.Equal(checksum, replay.Payload.ComputeChecksum());
        }
    }

    [Fact]
    public void Older_entries_without_candidates_are_skipped_and_counted()
    {
        var withoutCandidates = EverySubmission().Count(r => !r.HasCandidates);
        var history = RankingHistoryReader.Read(AuditPath, "s-3");

        Assert.Equal(_log.Generated.OldFormat, withoutCandidates);
        Assert.Equal(1, history.WithoutCandidates);
        Assert.All(history.Rankings, r => Assert.True(r.HasCandidates));
        Assert.Equal(history.Rankings.OrderBy(r => r.Timestamp).Select(r => r.IdempotencyKey), history.Rankings.Select(r => r.IdempotencyKey));
    }

    [Fact]
    public void Each_rule_set_is_written_once_per_run_before_the_rankings_that_reference_it()
    {
        var entries = new AuditLogReader(AuditPath).ReadEntries().ToList();
        var sets = entries.Where(e => e.Event == AuditEvent.RankingDirectives).ToList();

        Assert.Equal(_log.Generated.SetsPerRun.Sum(), sets.Count);
        foreach (var entry in entries.Where(e => e.DirectiveSet is not null && e.Event != AuditEvent.RankingDirectives))
            Assert.Contains(sets, set => set.DirectiveSet == entry.DirectiveSet && entries.IndexOf(set) < entries.IndexOf(entry));
        Assert.All(sets, set => Assert.Equal(set.DirectiveSet, set.Directives!.Hash));
    }

    [Fact]
    public void Only_the_first_entry_of_a_submission_carries_its_candidates()
    {
        var entries = new AuditLogReader(AuditPath).ReadEntries().Where(e => e.Event.StartsWith("ranking.", StringComparison.Ordinal)).ToList();
        var sending = entries.Where(e => e.Event == AuditEvent.RankingSending).Select(e => e.IdempotencyKey).ToHashSet();

        foreach (var entry in entries.Where(e => AuditEvent.IsRanking(e.Event) && e.ModuleVersion == ModuleInfo.Version && e.Snippets?.Count != 2))
            Assert.Equal(!sending.Contains(entry.IdempotencyKey), entry.HasCandidates);
    }

    [Fact]
    public void The_session_history_holds_every_submission_of_the_session_oldest_first()
    {
        var all = EverySubmission().Where(r => r.HasCandidates && r.SessionId == "s-5").OrderBy(r => r.Timestamp).ToList();
        var history = RankingHistoryReader.Read(AuditPath, "s-5");
        var some = RankingHistoryReader.Read(AuditPath, "s-5", new RankingMetricsFilter { Since = all[1].Timestamp, Until = all[^1].Timestamp });

        Assert.Equal(all.Select(r => r.IdempotencyKey), history.Rankings.Select(r => r.IdempotencyKey));
        Assert.Equal(all.Skip(1).Take(all.Count - 2).Select(r => r.IdempotencyKey), some.Rankings.Select(r => r.IdempotencyKey));
        Assert.Equal(0, history.DirectiveSetsNotFound);
    }

    [Fact]
    public void What_if_showings_count_impressions_and_clicks_as_the_metrics_do()
    {
        var metrics = RankingMetricsCalculator.Calculate(new AuditLogReader(AuditPath).ReadEntries());
        var showings = LoggedShowingReader.Read(AuditPath);

        Assert.Equal(metrics.Impressions, showings.Impressions + showings.ImpressionsLeftOut);
        Assert.Equal(metrics.ClickedImpressions, showings.ClickedImpressions + showings.ClickedImpressionsLeftOut);
        Assert.Equal(showings.ClickedImpressions, showings.Showings.Sum(s => (long)s.ClickedPositions.Count));
        Assert.Equal(showings.Impressions, showings.Showings.Sum(s => (long)s.Shown.Count));
        Assert.Equal((1, _log.Generated.OldFormat), (showings.ExpertSearches, showings.WithoutCandidates));
        Assert.True(showings.ClickedImpressions > 0);
        Assert.All(showings.Showings, s => Assert.Equal("Succeeded", s.Ranking.Status));
        Assert.All(showings.Showings, s => Assert.All(s.ClickedPositions, p => Assert.Contains(s.Shown[p - 1], s.ClickEntries.Select(c => c.SnippetId))));
    }

    [Fact]
    public void What_if_showings_replay_with_a_proposal_through_the_engine()
    {
        var showing = LoggedShowingReader.Read(AuditPath).Showings.First(s => s.Ranking.Directives!.Count > 0);
        var proposed = showing.Ranking.Replay(showing.Ranking.OptionsWith([BoostDirective.ExcludingSnippet(showing.Shown[0])]));
        var asLogged = showing.Ranking.Replay(showing.Ranking.OptionsWith(showing.Ranking.Directives!));

        Assert.DoesNotContain(showing.Shown[0], proposed.Payload?.Snippets.Select(s => s.SnippetId) ?? []);
        Assert.Equal(showing.Shown, asLogged.Payload!.Snippets.Select(s => s.SnippetId));
        Assert.Equal(showing.Shown, showing.ToWhatIf(showing.Shown).Proposed);
    }
}
