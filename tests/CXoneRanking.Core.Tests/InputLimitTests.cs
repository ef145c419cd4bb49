using System.Collections;
using CXoneRanking.Ranking;
using CXoneRanking.Rows;

namespace CXoneRanking.Tests;

/// <summary>
/// The size limits of issue 7: a session id of at most 256 characters; per snippet at most 64
/// metadata entries, keys of at most 128 and values of at most 1024 characters. Each limit is
/// exact (the limit passes, one more fails) and fails with a named error, in the row reader and
/// in the engine alike, so ranks built in code cannot slip past what a CSV row could not.
/// </summary>
public sealed class InputLimitTests
{
    private static RowReadResult Read(Hashtable metadata) =>
        new SnippetRowReader().Read([new("Id", "KB-1"), new("Score", "0.5"), new("Metadata", metadata)], 3);

    private static Hashtable Entries(int count, int keyLength = 4, int valueLength = 4)
    {
        var table = new Hashtable();
        for (var i = 0; i < count; i++)
            table[$"{i:D3}".PadRight(keyLength, 'k')] = new string('v', valueLength);
        return table;
    }

    [Theory]
    [InlineData(64, 4, 4, true)]
    [InlineData(65, 4, 4, false)]
    [InlineData(1, 128, 4, true)]
    [InlineData(1, 129, 4, false)]
    [InlineData(1, 4, 1024, true)]
    [InlineData(1, 4, 1025, false)]
    public void The_row_reader_keeps_metadata_within_the_limits(int entries, int keyLength, int valueLength, bool allowed)
    {
        var result = Read(Entries(entries, keyLength, valueLength));

        if (allowed)
        {
            Assert.NotNull(result.Rank);
            return;
        }
        Assert.Null(result.Rank);
        Assert.Equal(RankingIssueCodes.InvalidMetadata, result.Issue!.Code);
        Assert.StartsWith("input 3 (no session, snippet 'KB-1'): ", result.Issue.Message);
        Assert.Contains("at most", result.Issue.Message);
    }

    [Fact]
    public void Metadata_columns_count_towards_the_limit_like_a_metadata_dictionary()
    {
        var columns = Enumerable.Range(0, 65).Select(i => $"c{i}").ToList();
        var reader = new SnippetRowReader(columns);
        var row = new List<KeyValuePair<string, object?>> { new("Id", "KB-1"), new("Score", 0.5) };
        row.AddRange(columns.Select(c => new KeyValuePair<string, object?>(c, "x")));

        Assert.Equal(RankingIssueCodes.InvalidMetadata, reader.Read(row, 1).Issue!.Code);
        Assert.NotNull(reader.Read(row.Take(2 + 64), 1).Rank);
    }

    [Fact]
    public void An_over_long_key_is_quoted_short_in_the_message()
    {
        var key = "category" + new string('x', 5000);
        var issue = Read(new Hashtable { [key] = "billing" }).Issue!;

        Assert.Contains("5008 characters", issue.Message);
        Assert.True(issue.Message.Length < 300, $"the message repeats the input: {issue.Message.Length} characters");
    }

    [Fact]
    public void The_engine_refuses_ranks_built_in_code_past_the_metadata_limits_with_one_error_each()
    {
        var ranks = new[]
        {
            Ranks.Of("ok", 0.9),
            Ranks.Of("many", 0.8),
            Ranks.Of("long-key", 0.7, metadata: (new string('k', 129), "v")),
            Ranks.Of("long-value", 0.6, metadata: ("k", new string('v', 1025))),
        };
        foreach (DictionaryEntry entry in Entries(65)) ranks[1].Metadata[(string)entry.Key] = (string)entry.Value!;

        var result = Ranks.RankOne(Ranks.Options(), ranks);

        Assert.False(result.IsValid);
        Assert.Null(result.Payload);
        Assert.Equal(["many", "long-key", "long-value"], result.Errors.Select(e => e.SnippetId));
        Assert.All(result.Errors, e => Assert.Equal(RankingIssueCodes.InvalidMetadata, e.Code));
    }

    [Fact]
    public void The_engine_accepts_metadata_exactly_at_the_limits()
    {
        var rank = Ranks.Of("edge", 0.9);
        foreach (DictionaryEntry entry in Entries(63)) rank.Metadata[(string)entry.Key] = (string)entry.Value!;
        rank.Metadata[new string('k', 128)] = new string('v', 1024);

        Assert.True(Ranks.RankOne(Ranks.Options(), rank).IsValid);
    }

    [Theory]
    [InlineData(256, true)]
    [InlineData(257, false)]
    [InlineData(100_000, false)]
    public void A_session_id_may_have_256_characters(int length, bool allowed)
    {
        var session = new string('s', length);

        var result = RankingEngine.RankSession(session, [Ranks.Of("KB-1", 0.5, session: session)], new RankingOptions());

        Assert.Equal(allowed, result.IsValid);
        if (!allowed)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(RankingIssueCodes.InvalidSessionId, error.Code);
            Assert.Contains($"{length} characters long; at most 256", error.Message);
        }
    }

    [Fact]
    public void A_click_on_an_over_long_session_id_is_refused_as_the_engine_would()
    {
        Assert.NotNull(AuditEntry.Click(new string('s', 256), "KB-1", 1, DateTimeOffset.UtcNow));
        var refused = Assert.Throws<ArgumentException>(() => AuditEntry.Click(new string('s', 257), "KB-1", 1, DateTimeOffset.UtcNow));
        Assert.Contains("at most 256", refused.Message);
    }
}
