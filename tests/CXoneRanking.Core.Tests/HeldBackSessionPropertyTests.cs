using CsCheck;
using CXoneRanking.Ranking;
using CXoneRanking.Rows;

namespace CXoneRanking.Tests;

/// <summary>-InvalidRowAction DropSession over random inputs: the held-back sessions are exactly those with a refused row.</summary>
public sealed class HeldBackSessionPropertyTests
{
    private static KeyValuePair<string, object?>[] Row(string session, string id, object score) =>
        [new("session_id", session), new("snippet_id", id), new("relevance_score", score)];

    // Any mix of good and refused rows over a few sessions: under DropSession exactly the sessions with a refused
    // row are invalid, each with one SessionHeldBack error per refused row; every other session ranks as if alone.
    [Fact]
    public void Exactly_the_sessions_with_a_refused_row_are_held_back() =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 20], Gen.Bool.Select(Gen.Int[0, 9], (bad, n) => bad && n == 0)).Array[1, 60].Sample(rows =>
        {
            var reader = new SnippetRowReader(invalidRowAction: InvalidRowAction.DropSession);
            var ranks = new List<SnippetRank>();
            var number = 0;
            foreach (var (session, id, bad) in rows)
            {
                var result = reader.Read(Row($"s-{session}", $"KB-{number}", bad ? "abc" : "0.5"), ++number);
                ranks.Add(result.Rank ?? result.StandIn!);
            }

            var results = RankingEngine.Rank(ranks, new RankingOptions { MaxResultWindow = 50 });

            foreach (var ranking in results)
            {
                var refused = rows.Count(r => r.Item3 && $"s-{r.Item1}" == ranking.SessionId);
                Assert.Equal(refused, ranking.Errors.Count(e => e.Code == RankingIssueCodes.SessionHeldBack));
                Assert.Equal(refused == 0, ranking.IsValid);
            }
        }, iter: 300);
}
