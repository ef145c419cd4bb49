using System.Globalization;
using CXoneRanking.Ranking;
using CXoneRanking.Rows;

namespace CXoneRanking.Tests;

public sealed class SnippetRowReaderTests
{
    private static RowReadResult Read(params (string Column, object? Value)[] cells) => Read(new SnippetRowReader(), cells);

    private static RowReadResult Read(SnippetRowReader reader, params (string Column, object? Value)[] cells) =>
        reader.Read(cells.Select(c => new KeyValuePair<string, object?>(c.Column, c.Value)), 7);

    [Fact]
    public void Reads_csv_columns_case_insensitively_with_invariant_numbers()
    {
        var rank = Read(("SESSION_ID", "s-1"), ("Snippet_Id", "KB-1"), ("relevance_score", "0.75"), ("BOOST", "1.5e0")).Rank!;
        Assert.Equal(("s-1", "KB-1", 0.75, 1.5), (rank.SessionId, rank.SnippetId, rank.RelevanceScore, rank.BoostFactor));
    }

    [Fact]
    public void Reads_the_same_under_a_comma_decimal_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(0.5, Read(("Id", "a"), ("Score", "0.5")).Rank!.RelevanceScore);
            Assert.Equal(RankingIssueCodes.InvalidRelevanceScore, Read(("Id", "a"), ("Score", "0,5")).Issue!.Code);
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e309")]
    [InlineData("-0.1")]
    [InlineData("1.0001")]
    [InlineData("0,5")]
    [InlineData("1,000")]
    [InlineData("0x1")]
    public void Rejects_bad_scores_naming_the_snippet_and_the_input(string score)
    {
        var issue = Read(("snippet_id", "KB-9"), ("relevance_score", score)).Issue!;
        Assert.Equal(RankingIssueCodes.InvalidRelevanceScore, issue.Code);
        Assert.Equal("KB-9", issue.SnippetId);
        Assert.StartsWith("input 7 (no session, snippet 'KB-9'): ", issue.Message);
    }

    [Theory]
    [InlineData(null, "no snippet id")]
    [InlineData("", "is empty")]
    [InlineData("a\u0007b", "control character U+0007")]
    [InlineData("a\nb", "control character U+000A")]
    public void Rejects_bad_ids(string? id, string expected)
    {
        var issue = (id is null ? Read(("Score", "0.5")) : Read(("Id", id), ("Score", "0.5"))).Issue!;
        Assert.Equal(RankingIssueCodes.InvalidSnippetId, issue.Code);
        Assert.Contains(expected, issue.Message);
    }

    [Fact]
    public void Ids_may_have_128_characters_but_not_129()
    {
        Assert.NotNull(Read(("Id", new string('x', 128)), ("Score", 0.5)).Rank);
        Assert.Contains("129 characters", Read(("Id", new string('x', 129)), ("Score", 0.5)).Issue!.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10.5")]
    [InlineData("-1")]
    [InlineData("x")]
    public void Rejects_bad_boosts(string boost) =>
        Assert.Equal(RankingIssueCodes.InvalidBoostFactor, Read(("Id", "a"), ("Score", "0.5"), ("Boost", boost)).Issue!.Code);

    [Fact]
    public void An_empty_boost_cell_means_no_boost() =>
        Assert.Equal(1.0, Read(("Id", "a"), ("Score", "0.5"), ("boost_factor", "")).Rank!.BoostFactor);

    [Fact]
    public void Lifts_named_columns_into_metadata_and_merges_a_metadata_dictionary()
    {
        var reader = new SnippetRowReader(["category", "Region"]);
        var rank = Read(reader, ("Id", "a"), ("Score", 0.5), ("Category", "billing"), ("region", 42), ("other", "x"),
            ("Metadata", new System.Collections.Hashtable { ["tier"] = "gold" })).Rank!;
        Assert.Equal(new Dictionary<string, string> { ["Category"] = "billing", ["region"] = "42", ["tier"] = "gold" }, rank.Metadata);
        Assert.Equal("billing", rank.Metadata["CATEGORY"]);
    }

    [Fact]
    public void The_score_matrix_weights_signals_into_the_relevance_score()
    {
        var matrix = ScoreMatrix.Create([new("semantic", 0.7), new("keyword", "0.3")], out _)!;
        var reader = new SnippetRowReader(matrix: matrix);
        var rank = Read(reader, ("Id", "a"), ("semantic", "0.9"), ("keyword", 0.5)).Rank!;
        Assert.Equal(0.78, rank.RelevanceScore, 12);
        Assert.Equal(["keyword", "semantic"], rank.Signals!.Select(s => s.Name));

        var missing = Read(reader, ("Id", "a"), ("semantic", "0.9"));
        Assert.Equal(RankingIssueCodes.InvalidSignal, missing.Issue!.Code);
        Assert.Contains("signal 'keyword' is empty", missing.Issue.Message);
        Assert.Equal(RankingIssueCodes.InvalidSignal, Read(reader, ("Id", "a"), ("semantic", "1.2"), ("keyword", "0")).Issue!.Code);
    }

    [Theory]
    [InlineData(0.7, 0.2, "sum to 1")]
    [InlineData(1.2, -0.2, "greater than 0")]
    [InlineData(1.0, 0.0, "greater than 0")]
    public void Bad_signal_weights_are_refused(double a, double b, string expected)
    {
        Assert.Null(ScoreMatrix.Create([new("x", a), new("y", b)], out var problem));
        Assert.Contains(expected, problem);
    }
}
