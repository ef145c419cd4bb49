using CXoneRanking.Audit;
using CXoneRanking.History;
using CXoneRanking.Tests.Replay;

namespace CXoneRanking.Tests.History;

/// <summary>
/// Get-RankingHistory's Core over a large log written through the real submit path (directives, windows, overflow modes,
/// experiments, invalid and held-back sessions, old-format entries): every logged ranking is explained as it was sent,
/// every candidate is shown or listed as not shown exactly once, and one read for many sessions gives what one read per
/// session gives.
/// </summary>
public sealed class RankingExplainerTests : IClassFixture<RankingReplayTests.Log>
{
    private readonly GeneratedRankingLog _log;

    public RankingExplainerTests(RankingReplayTests.Log log) => _log = log.Generated;

    private IEnumerable<string> Sessions => Enumerable.Range(0, GeneratedRankingLog.SessionIds).Select(i => $"s-{i}");

    [Fact]
    public void Every_logged_ranking_is_explained_as_sent_with_each_candidate_shown_or_not_shown_once()
    {
        var histories = new SessionHistoryReaders(Sessions).Read(new AuditLogReader(_log.AuditPath) { CandidatesFor = _ => true }.ReadEntries());
        var explained = histories.SelectMany(h => h.Rankings).Select(RankingExplainer.Explain).ToList();

        Assert.Equal(_log.Submissions, explained.Count);
        Assert.All(explained, entry =>
        {
            Assert.True(entry.Reproduced, entry.ToString());
            Assert.Equal(entry.CandidateCount, entry.ShownCount + entry.NotShownCount);
            Assert.All(entry.NotShown.Where(n => n.Reason == NotShownReason.Window), n => Assert.True(n.RankedPosition is null or > 0));
            Assert.All(entry.NotShown.Where(n => n.Reason == NotShownReason.Excluded), n => Assert.True(n.Rule is { Exclude: true }));
            // A valid ranking leaves out only what a rule excluded or the window cut; an invalid one shows nothing and cuts nothing.
            if (entry.Errors.Count == 0) Assert.All(entry.NotShown, n => Assert.True(n.Reason is NotShownReason.Excluded or NotShownReason.Window));
            else Assert.True(entry.ShownCount == 0 && entry.NotShown.All(n => n.Reason != NotShownReason.Window), entry.ToString());
        });
        Assert.Contains(explained, e => e.NotShown.Any(n => n.Reason == NotShownReason.Excluded));
        Assert.Contains(explained, e => e.NotShown.Any(n => n.Reason == NotShownReason.Window));
        Assert.Contains(explained, e => e.NotShown.Any(n => n.Reason == NotShownReason.HeldBack));
    }

    [Fact]
    public void One_read_for_many_sessions_gives_each_session_what_its_own_read_gives()
    {
        var together = new SessionHistoryReaders(Sessions.Reverse()).Read(new AuditLogReader(_log.AuditPath) { CandidatesFor = _ => true }.ReadEntries());

        Assert.Equal(Sessions.Reverse(), together.Select(h => h.SessionId));
        foreach (var history in together.Take(20))
        {
            var alone = RankingHistoryReader.Read(_log.AuditPath, history.SessionId);
            Assert.Equal(alone.Rankings.Select(r => r.IdempotencyKey), history.Rankings.Select(r => r.IdempotencyKey));
            Assert.Equal((alone.WithoutCandidates, alone.DirectiveSetsNotFound), (history.WithoutCandidates, history.DirectiveSetsNotFound));
        }
    }
}
