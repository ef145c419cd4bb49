using CsCheck;
using CXoneRanking.Ranking;
using CXoneRanking.Ranks;

namespace CXoneRanking.Tests;

/// <summary>
/// Grouping piped ranks by session and ranking the sessions in one pass must give exactly
/// what ranking each session alone gives, in first-seen order, however the sessions interleave.
/// </summary>
public sealed class SessionGrouperPropertyTests
{
    // Few sessions and few ids, so sessions interleave and some snippets come twice (an error naming both inputs).
    private static readonly Gen<SnippetRank[]> Input =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 12], Gen.Double[0.0, 1.0], Gen.Double[0.1, 3.0]).Array[0, 200]
            .Select(cells => cells.Select(c => Ranks.Of($"KB-{c.Item2}", c.Item3, c.Item4, c.Item1 == 4 ? "" : $"s-{c.Item1}", ("tier", $"t{c.Item2 % 3}"))).ToArray());

    private static string Describe(SessionRanking result) =>
        $"{result.SessionId}|{string.Join(";", result.Errors)}|{string.Join(";", result.Warnings)}|{result.Payload?.ToJson()}";

    [Fact]
    public void Ranking_all_sessions_at_once_matches_ranking_each_alone_in_first_seen_order() =>
        Gen.Select(Input, Gen.Int[1, 50], Gen.Bool).Sample(c =>
        {
            var (ranks, window, withDirective) = c;
            var options = Ranks.Options(window, OverflowMode.Rescale, false,
                withDirective ? [BoostDirective.Boost("tier", "t1", 2.0), BoostDirective.Excluding("tier", "t2")] : []);
            var grouper = new SessionGrouper("fallback");
            var inputNumber = 0;
            foreach (var rank in ranks) grouper.Add(rank, ++inputNumber);

            // Each rank keeps its position in the whole input, as the errors name it.
            var expected = ranks.Select((rank, i) => new RankInput(rank, i + 1))
                .GroupBy(r => string.IsNullOrEmpty(ranks[r.InputNumber - 1].SessionId) ? "fallback" : ranks[r.InputNumber - 1].SessionId!)
                .Select(g => RankingEngine.RankSession(g.Key, g.ToList(), [], options));

            Assert.Equal(expected.Select(Describe), grouper.RankAll(options).Select(Describe));
        }, iter: 300);

    [Fact]
    public void A_session_that_comes_back_keeps_its_first_place_and_all_its_ranks()
    {
        var grouper = new SessionGrouper();
        var inputNumber = 0;
        foreach (var rank in new[] { Ranks.Of("a", 0.1, session: "A"), Ranks.Of("b", 0.2, session: "B"), Ranks.Of("c", 0.9, session: "A") })
            grouper.Add(rank, ++inputNumber);

        var results = grouper.RankAll(Ranks.Options()).ToList();

        Assert.Equal(["A", "B"], results.Select(r => r.SessionId));
        Assert.Equal(["c", "a"], results[0].Payload!.Snippets.Select(s => s.SnippetId));
    }
}
