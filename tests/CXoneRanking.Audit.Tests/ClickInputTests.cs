using System.Globalization;

namespace CXoneRanking.Audit.Tests;

public class ClickInputTests
{
    private static readonly DateTimeOffset Now = Entries.T0;

    [Fact]
    public void Reads_csv_strings_with_the_invariant_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var click = ClickInput.Create("s-1", "KB-1", " 3 ", "2026-11-25T10:00:00.5Z", Now);
            Assert.Equal(3, click.RankPosition);
            Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, 500, TimeSpan.Zero), click.Timestamp);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(2L)]
    [InlineData(2.0)]
    [InlineData((byte)2)]
    [InlineData("2")]
    public void Accepts_any_whole_number_as_a_position(object position) =>
        Assert.Equal(2, ClickInput.Create("s", "k", position, null, Now).RankPosition);

    [Theory]
    [InlineData(null, "k", 1, "session id is missing")]
    [InlineData("s", null, 1, "snippet id is missing")]
    [InlineData("s", "", 1, "snippet id is empty")]
    [InlineData("s", "k", null, "rank position is missing")]
    [InlineData("s", "k", "first", "'first' is not a whole number")]
    [InlineData("s", "k", "1,5", "not a whole number")]
    [InlineData("s", "k", 1.5, "not a whole number")]
    [InlineData("s", "k", double.NaN, "not a whole number")]
    [InlineData("s", "k", 3e10, "not a whole number")]
    [InlineData("s", "k", "0", "below 1")]
    [InlineData("s", "k", true, "Boolean is not a rank position")]
    public void Says_what_is_wrong_with_a_row(object? session, object? snippet, object? position, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => ClickInput.Create(session, snippet, position, null, Now));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Timestamps_default_to_now_and_accept_dates_and_offsets()
    {
        Assert.Equal(Now, ClickInput.Create("s", "k", 1, null, Now).Timestamp);
        Assert.Equal(Now, ClickInput.Create("s", "k", 1, "", Now).Timestamp);
        var offset = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
        Assert.Equal(offset, ClickInput.Create("s", "k", 1, offset, Now).Timestamp);
        Assert.Equal(offset, ClickInput.Create("s", "k", 1, offset.UtcDateTime, Now).Timestamp);
        Assert.Contains("not an ISO 8601 date", Assert.Throws<ArgumentException>(() => ClickInput.Create("s", "k", 1, "yesterday", Now)).Message);
    }

    [Fact]
    public void Numbers_as_ids_are_written_without_culture()
    {
        Assert.Equal("1234.5", ClickInput.Create(1234.5, "k", 1, null, Now).SessionId);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", false)]
    [InlineData("1999-12-31T23:59:59Z", false)]
    [InlineData("2000-01-01T00:00:00Z", true)]
    [InlineData("+1.00:00:00", true)]     // a day ahead of now: a zone mistaken
    [InlineData("+1.00:00:01", false)]
    [InlineData("9999-12-31T23:59:59Z", false)]
    public void A_click_time_is_between_2000_and_a_day_from_now(string time, bool plausible)
    {
        var at = time.StartsWith("+", StringComparison.Ordinal)
            ? Now + TimeSpan.Parse(time[1..], CultureInfo.InvariantCulture)
            : DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);

        Assert.Equal(plausible, ClickInput.TimestampProblem(at, Now) is null);
    }
}
