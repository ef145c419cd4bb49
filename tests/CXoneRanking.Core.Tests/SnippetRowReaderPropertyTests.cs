using System.Globalization;
using CsCheck;
using CXoneRanking.Ranking;

namespace CXoneRanking.Tests;

/// <summary>
/// Properties of the row reader, apart from its examples (SnippetRowReaderTests) because CsCheck
/// targets .NET 10 only and the examples also run on .NET Framework (CXoneRanking.FrameworkTests).
/// </summary>
public sealed class SnippetRowReaderPropertyTests
{
    private static RowReadResult Read(params (string Column, object? Value)[] cells) =>
        new SnippetRowReader().Read(cells.Select(c => new KeyValuePair<string, object?>(c.Column, c.Value)), 7);

    [Fact]
    public void Any_finite_score_written_invariantly_reads_back_exactly() =>
        Gen.Double[0.0, 1.0].Sample(score =>
        {
            var text = score.ToString("R", CultureInfo.InvariantCulture);
            Assert.Equal(score, Read(("Id", "a"), ("Score", text)).Rank!.RelevanceScore);
        });

    [Fact]
    public void Every_row_gives_either_a_rank_or_one_issue_never_an_exception() =>
        Gen.Select(Gen.String, Gen.String, Gen.String).Sample(t =>
        {
            var result = Read(("Id", t.Item1), ("Score", t.Item2), ("Boost", t.Item3));
            Assert.True(result.Rank is null ^ result.Issue is null);
        }, iter: 500);
}
