using CsCheck;
using CXoneRanking.Ranking;

namespace CXoneRanking.Tests;

/// <summary>The ranking rules of docs/design.md#ranking-rules as properties over random sessions.</summary>
public sealed class RankingPropertyTests
{
    private static readonly Gen<SnippetRank[]> Session =
        Gen.Select(Gen.Double[0.0, 1.0], Gen.Double[0.01, 10.0], Gen.Int[0, 3])
            .Array[1, 70]
            .Select(cells => cells.Select((c, i) => Ranks.Of($"KB-{i:D2}", c.Item1, c.Item2, "s-1", ("tier", $"t{c.Item3}"))).ToArray());

    private static readonly Gen<(SnippetRank[] Ranks, int Window, OverflowMode Overflow, int Seed)> Case =
        Gen.Select(Session, Gen.Int[1, 50], Gen.OneOf(Gen.Const(OverflowMode.Rescale), Gen.Const(OverflowMode.Clamp)), Gen.Int);

    private static SessionRanking Rank(SnippetRank[] ranks, int window, OverflowMode overflow) =>
        RankingEngine.RankSession("s-1", ranks, Ranks.Options(window, overflow));

    [Fact]
    public void Output_is_sorted_within_the_window_with_scores_in_unit_range() =>
        Case.Sample(c =>
        {
            var payload = Rank(c.Ranks, c.Window, c.Overflow).Payload!;
            Assert.Equal(Math.Min(c.Ranks.Length, c.Window), payload.Snippets.Count);
            Assert.All(payload.Snippets, s => Assert.InRange(s.Score, 0.0, 1.0));
            Assert.Equal(Enumerable.Range(1, payload.Snippets.Count), payload.Snippets.Select(s => s.Position));
            for (var i = 1; i < payload.Snippets.Count; i++)
                Assert.True(payload.Snippets[i - 1].Score >= payload.Snippets[i].Score);
            Assert.Equal(payload.Snippets.Count, payload.Snippets.Select(s => s.SnippetId).Distinct().Count());
        }, iter: 300);

    [Fact]
    public void Rescale_keeps_order_and_ratios() =>
        Case.Sample(c =>
        {
            var payload = Rank(c.Ranks, c.Window, OverflowMode.Rescale).Payload!;
            var boosted = c.Ranks.ToDictionary(r => r.SnippetId, r => r.RelevanceScore * r.BoostFactor);
            var divisor = Math.Max(1.0, boosted.Values.Max());
            var expectedOrder = boosted.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(c.Window).Select(kv => kv.Key);
            Assert.Equal(expectedOrder, payload.Snippets.Select(s => s.SnippetId));
            foreach (var s in payload.Snippets)
                Assert.Equal(boosted[s.SnippetId] / divisor, s.Score, 0.00005 + 1e-12);
        }, iter: 300);

    [Fact]
    public void Any_input_order_gives_the_same_payload() =>
        Case.Sample(c =>
        {
            var random = new Random(c.Seed);
            var shuffled = c.Ranks.OrderBy(_ => random.Next()).ToArray();
            Assert.Equal(Rank(c.Ranks, c.Window, c.Overflow).Payload!.ToJson(), Rank(shuffled, c.Window, c.Overflow).Payload!.ToJson());
        }, iter: 200);

    [Fact]
    public void Directives_never_raise_a_score_above_one_and_excluded_snippets_never_appear() =>
        Gen.Select(Case, Gen.Double[0.1, 10.0]).Sample(t =>
        {
            var (c, factor) = t;
            var options = Ranks.Options(c.Window, c.Overflow, false, BoostDirective.Boost("tier", "t1", factor), BoostDirective.Excluding("tier", "t0"));
            var result = RankingEngine.RankSession("s-1", c.Ranks, options);
            if (c.Ranks.All(r => r.Metadata["tier"] == "t0"))
            {
                Assert.False(result.IsValid);
                return;
            }
            Assert.All(result.Payload!.Snippets, s => Assert.NotEqual("t0", s.Metadata["tier"]));
            Assert.All(result.Payload.Snippets, s => Assert.InRange(s.Score, 0.0, 1.0));
        }, iter: 200);
}
