using System.Text.RegularExpressions;
using CsCheck;
using CXoneRanking.Ranking;

namespace CXoneRanking.Tests;

/// <summary>
/// A rank read from a piped row carries its row's number (<see cref="SnippetRank.InputNumber"/>); whatever rows were
/// refused before it (gaps in the numbers), every error the engine gives names a rank by that number, never by the
/// rank's place among the ranks received.
/// </summary>
public sealed class InputNumberPropertyTests
{
    private static readonly Regex InputReference = new(@"input (\d+) \(", RegexOptions.CultureInvariant);

    // Few sessions and ids so that duplicates come often; scores above 1 now and then (a relevance error); gaps of
    // up to 3 refused rows before each rank.
    private static readonly Gen<(string Session, string Id, double Score, int Gap)[]> Input =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 6], Gen.Double[0.0, 1.2], Gen.Int[0, 3]).Array[1, 60]
            .Select(cells => cells.Select(c => ($"s-{c.Item1}", $"KB-{c.Item2}", c.Item3, c.Item4)).ToArray());

    [Fact]
    public void Every_error_names_ranks_by_the_rows_they_were_read_from() =>
        Input.Sample(cells =>
        {
            var row = 0;
            var ranks = cells.Select(c =>
            {
                row += c.Gap + 1;
                var rank = Ranks.Of(c.Id, c.Score, session: c.Session);
                rank.InputNumber = row;
                return rank;
            }).ToArray();
            var bySession = ranks.ToLookup(r => r.SessionId);

            foreach (var session in RankingEngine.Rank(ranks, new RankingOptions()))
                foreach (var error in session.Errors)
                    foreach (Match reference in InputReference.Matches(error.Message))
                    {
                        var number = int.Parse(reference.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                        Assert.Contains(bySession[session.SessionId], r => r.InputNumber == number && r.SnippetId == error.SnippetId);
                    }
        }, iter: 300);
}
