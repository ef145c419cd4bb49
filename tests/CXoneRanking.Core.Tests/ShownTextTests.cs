using CXoneRanking.Ranking;

namespace CXoneRanking.Tests;

/// <summary>
/// A user-given id with control characters (ESC, BEL, a newline) is shown in messages with them escaped, so that printing
/// an error cannot retitle the terminal, clear the screen or fake a second line, and the id stays recognisable.
/// </summary>
public class ShownTextTests
{
    private const string Hostile = "x\u001b]0;pwned\u0007\u001b[2J\ny";
    private const string Escaped = "x\\u001B]0;pwned\\u0007\\u001B[2J\\u000Ay";

    [Fact]
    public void The_engine_names_a_session_id_with_control_characters_escaped()
    {
        var result = RankingEngine.RankSession(Hostile, [Ranks.Of("KB-1", 0.5, session: Hostile)], new RankingOptions());

        var error = Assert.Single(result.Errors);
        Assert.Equal(RankingIssueCodes.InvalidSessionId, error.Code);
        Assert.Contains($"session '{Escaped}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Message, char.IsControl);
    }

    [Fact]
    public void A_row_error_names_its_session_and_snippet_with_control_characters_escaped()
    {
        var text = new Rows.InputLocation(4, Hostile, "KB-\u009b1").ToString();

        Assert.Equal($"input 4 (session '{Escaped}', snippet 'KB-\\u009B1')", text);
    }

    [Theory]
    [InlineData("call-0001")]
    [InlineData("KB-ü-\t")]
    public void Text_without_control_characters_other_than_tab_is_shown_as_it_is(string text) =>
        Assert.Same(text, ShownText.Of(text));
}
