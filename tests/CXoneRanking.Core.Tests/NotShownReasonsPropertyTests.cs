using CsCheck;
using CXoneRanking.Ranking;

namespace CXoneRanking.Tests;

/// <summary>Get-RankingHistory's NotShown over random sessions: every candidate is shown or listed once, in input order.</summary>
public sealed class NotShownReasonsPropertyTests
{
    private static List<NotShownCandidate> Find(RankingOptions options, params SnippetRank[] ranks) => NotShownReasonsTests.Find(options, ranks);

    [Fact]
    public void Every_candidate_is_shown_or_listed_once_in_input_order() =>
        Gen.Select(Gen.Double[0.0, 1.0], Gen.Int[0, 3]).Array[1, 30]
            .Select(Gen.Int[1, 12], (cells, window) => (cells, window))
            .Sample(c =>
            {
                var ranks = c.cells.Select((cell, i) => Ranks.Of($"KB-{i:D2}", cell.Item1, metadata: ("tier", $"t{cell.Item2}"))).ToArray();
                var options = Ranks.Options(c.window, OverflowMode.Rescale, false, BoostDirective.Excluding("tier", "t0"));
                var replay = RankingEngine.RankSession("s-1", ranks, options);

                var notShown = Find(options, ranks);

                var shown = replay.Snippets?.Select(s => s.SnippetId) ?? [];
                Assert.Equal(ranks.Select(r => r.SnippetId).OrderBy(id => id, StringComparer.Ordinal),
                    shown.Concat(notShown.Select(n => n.SnippetId)).OrderBy(id => id, StringComparer.Ordinal));
                Assert.Equal(ranks.Select(r => r.SnippetId).Where(id => notShown.Any(n => n.SnippetId == id)), notShown.Select(n => n.SnippetId));
                Assert.All(notShown.Where(n => n.Reason == NotShownReason.Excluded), n => Assert.Equal("t0", n.Metadata["tier"]));
                Assert.All(notShown.Where(n => n.Reason == NotShownReason.Window), n => Assert.True(n.RankedPosition > c.window));
            }, iter: 200);
}
