using CXoneRanking.Ranking;
using CXoneRanking.Rows;

namespace CXoneRanking.Tests;

/// <summary>
/// -InvalidRowAction DropSession: a refused row's stand-in holds its whole session back (invalid, no
/// payload, a SessionHeldBack error that quotes the row's error); the default drops the row alone.
/// </summary>
public sealed class HeldBackSessionTests
{
    private static KeyValuePair<string, object?>[] Row(string session, string id, object score) =>
        [new("session_id", session), new("snippet_id", id), new("relevance_score", score)];

    [Fact]
    public void By_default_a_refused_row_has_no_stand_in()
    {
        var result = new SnippetRowReader().Read(Row("s-1", "KB-2", "abc"), 2);

        Assert.Null(result.Rank);
        Assert.NotNull(result.Issue);
        Assert.Null(result.StandIn);
    }

    [Fact]
    public void Under_DropSession_a_refused_row_has_a_stand_in_that_holds_its_session_back()
    {
        var reader = new SnippetRowReader(invalidRowAction: InvalidRowAction.DropSession);
        var good = reader.Read(Row("s-1", "KB-1", "0.9"), 1).Rank!;
        var refused = reader.Read(Row("s-1", "KB-2", "abc"), 2);
        var other = reader.Read(Row("s-2", "KB-3", "0.5"), 3).Rank!;

        Assert.Null(refused.Rank);
        var standIn = refused.StandIn!;
        Assert.Equal(("s-1", "KB-2"), (standIn.SessionId, standIn.SnippetId));
        Assert.StartsWith("InvalidRelevanceScore: input 2 (session 's-1', snippet 'KB-2'): ", standIn.RowError);

        var results = RankingEngine.Rank([good, standIn, other], new RankingOptions());

        Assert.False(results[0].IsValid);
        Assert.Null(results[0].Payload);
        var error = Assert.Single(results[0].Errors);
        Assert.Equal(RankingIssueCodes.SessionHeldBack, error.Code);
        Assert.Contains("input 2 (session 's-1', snippet 'KB-2')", error.Message);
        Assert.True(results[1].IsValid);
    }

    [Fact]
    public void A_stand_in_read_back_from_a_csv_row_stays_a_stand_in()
    {
        KeyValuePair<string, object?>[] exported =
        [
            new("SessionId", "s-1"), new("SnippetId", "KB-2"), new("RelevanceScore", "0"), new("BoostFactor", "1"),
            new("Metadata", "System.Collections.Generic.Dictionary`2[System.String,System.String]"), new("Signals", ""),
            new("RowError", "InvalidRelevanceScore: input 2 (session 's-1', snippet 'KB-2'): relevance score 'abc' is not a number"),
        ];
        var goodRow = exported.Take(6).Concat([new KeyValuePair<string, object?>("RowError", "")]).ToArray();

        var reader = new SnippetRowReader();
        var schema = reader.Learn(goodRow);
        Assert.True(reader.TryRead(schema, Lookup(goodRow), 1, out var good));
        Assert.True(reader.TryRead(schema, Lookup(exported), 2, out var standIn));

        Assert.Null(good.Rank!.RowError);
        Assert.Equal(exported[6].Value, standIn.Rank!.RowError);
        Assert.Equal(RankingIssueCodes.SessionHeldBack, RankingEngine.Rank([standIn.Rank], new RankingOptions())[0].Errors.Single().Code);
    }

    private static CellLookup Lookup(KeyValuePair<string, object?>[] row) => (string column, out object? value) =>
    {
        foreach (var cell in row)
        {
            if (!string.Equals(cell.Key, column, StringComparison.OrdinalIgnoreCase)) continue;
            value = cell.Value;
            return true;
        }
        value = null;
        return false;
    };
}
