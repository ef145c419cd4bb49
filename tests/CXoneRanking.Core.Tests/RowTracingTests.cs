using CXoneRanking.Ranking;
using CXoneRanking.Rows;

namespace CXoneRanking.Tests;

/// <summary>
/// Every row error names the session and the row, and the row is counted the same way by the reader
/// (New-SnippetRank) and the engine (Test-RankingPayload, Submit-SnippetRanking): its 1-based position
/// in the whole input, across sessions, never within its session.
/// </summary>
public sealed class RowTracingTests
{
    private static KeyValuePair<string, object?>[] Row(string? session, string id, object score) =>
        session is null
            ? [new("snippet_id", id), new("relevance_score", score)]
            : [new("session_id", session), new("snippet_id", id), new("relevance_score", score)];

    [Fact]
    public void The_reader_names_the_session_and_the_input_of_a_refused_row()
    {
        var issue = new SnippetRowReader().Read(Row("s-2", "", "0.5"), 4).Issue!;

        Assert.Equal(RankingIssueCodes.InvalidSnippetId, issue.Code);
        Assert.Equal("input 4 (session 's-2'): the snippet id is empty", issue.Message);
    }

    [Fact]
    public void The_reader_names_the_default_session_when_the_row_has_none()
    {
        var issue = new SnippetRowReader(defaultSessionId: "fallback").Read(Row(null, "KB-1", "2"), 9).Issue!;

        Assert.StartsWith("input 9 (session 'fallback', snippet 'KB-1'): ", issue.Message);
    }

    [Fact]
    public void The_engine_numbers_a_rank_by_its_place_in_the_whole_input_not_in_its_session()
    {
        var ranks = new[]
        {
            Ranks.Of("KB-1", 0.5, session: "s-1"), Ranks.Of("KB-2", 0.5, session: "s-2"),
            Ranks.Of("KB-3", 1.5, session: "s-2"), Ranks.Of("KB-2", 0.4, session: "s-2"),
        };

        var s2 = RankingEngine.Rank(ranks, new RankingOptions())[1];

        Assert.Contains(s2.Errors, e => e.Message == "input 3 (session 's-2', snippet 'KB-3'): relevance score 1.5 is outside [0, 1]");
        Assert.Contains(s2.Errors, e => e.Code == RankingIssueCodes.DuplicateSnippetId && e.Message.Contains("input 2 (") && e.Message.Contains("input 4 ("));
    }

    [Fact]
    public void The_engine_names_a_rank_by_the_row_it_was_read_from_when_it_carries_one()
    {
        // Rows 2 and 3 were refused upstream: the engine receives the row-4 rank third, and must still call it input 4.
        var ranks = new[]
        {
            Ranks.Of("KB-1", 0.5, session: "s-1"), Ranks.Of("KB-2", 0.5, session: "s-1"), Ranks.Of("KB-1", 0.4, session: "s-1"),
        };
        ranks[0].InputNumber = 1;
        ranks[1].InputNumber = 2;
        ranks[2].InputNumber = 4;

        var error = Assert.Single(RankingEngine.Rank(ranks, new RankingOptions())[0].Errors);

        Assert.Equal("snippet 'KB-1' appears twice in session 's-1': input 1 (relevance 0.5, boost 1) and input 4 (relevance 0.4, boost 1)",
            error.Message);
    }

    [Fact]
    public void The_reader_refuses_a_row_whose_session_cell_is_blank_but_leaves_a_row_without_the_column_to_a_default()
    {
        var issue = new SnippetRowReader().Read(Row("", "KB-903", "0.6"), 5).Issue!;
        Assert.Equal(RankingIssueCodes.MissingSessionId, issue.Code);
        Assert.Equal("KB-903", issue.SnippetId);
        Assert.StartsWith("input 5 (no session, snippet 'KB-903'): the session id is empty", issue.Message);

        Assert.Null(new SnippetRowReader().Read(Row(null, "KB-903", "0.6"), 5).Rank!.SessionId);
        Assert.Equal("fallback", new SnippetRowReader(defaultSessionId: "fallback").Read(Row("", "KB-903", "0.6"), 5).Rank!.SessionId);
    }
}
