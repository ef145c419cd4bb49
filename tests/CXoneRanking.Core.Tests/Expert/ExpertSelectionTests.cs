using System.Net;
using CXoneRanking.Expert;

namespace CXoneRanking.Tests.Expert;

/// <summary>Registering a tracked selection: POST site/query/{queryid} with the page, rank and position.</summary>
public sealed class ExpertSelectionTests
{
    [Fact]
    public async Task A_selection_is_posted_with_page_rank_position_and_type()
    {
        var site = new ExpertFakeSite { Answer = _ => new HttpResponseMessage(HttpStatusCode.OK) };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site));

        await connection.RegisterSelectionAsync(9001, 41, 0.93, 2);

        var request = Assert.Single(site.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/@api/deki/site/query/9001", request.Uri.AbsolutePath);
        var query = ExpertFakeSite.Query(request.Uri);
        Assert.Equal(("41", "0.93", "2", "page"), (query["pageid"], query["rank"], query["position"], query["type"]));
        Assert.StartsWith("tkn_abc123_", request.Token);
    }

    [Fact]
    public async Task A_result_is_registered_through_its_own_track_URI()
    {
        var track = "https://help.example.test/@api/deki/site/query/9001?pageid=52&rank=0.5&type=file&typeid=7&position=2";
        var site = new ExpertFakeSite { Answer = _ => new HttpResponseMessage(HttpStatusCode.OK) };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site));
        var result = new ExpertSearchResult
        {
            QueryId = 9001, Id = 7, PageId = 52, Rank = 0.5, Position = 2, Type = "file", TrackUri = new Uri(track),
        };

        await connection.RegisterSelectionAsync(result);

        Assert.Equal(track, Assert.Single(site.Requests).Uri.ToString());
    }

    [Fact]
    public async Task A_track_URI_on_another_host_is_not_followed_so_the_token_stays_home()
    {
        var site = new ExpertFakeSite { Answer = _ => new HttpResponseMessage(HttpStatusCode.OK) };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site));
        var result = new ExpertSearchResult
        {
            QueryId = 9001, Id = 41, PageId = 41, Rank = 0.25, Position = 3,
            TrackUri = new Uri("https://evil.example.test/@api/deki/site/query/9001?pageid=41"),
        };

        await connection.RegisterSelectionAsync(result);

        var request = Assert.Single(site.Requests);
        Assert.Equal("help.example.test", request.Uri.Host);
        var query = ExpertFakeSite.Query(request.Uri);
        Assert.Equal(("41", "0.25", "3"), (query["pageid"], query["rank"], query["position"]));
    }

    [Fact]
    public async Task A_failed_selection_is_not_retried_after_a_500_that_may_have_logged_it()
    {
        var site = new ExpertFakeSite { Answer = _ => new HttpResponseMessage(HttpStatusCode.InternalServerError) };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site, maxAttempts: 3));

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => connection.RegisterSelectionAsync(1, 2, 0.5, 1));

        Assert.Equal(ExpertFailure.ServerError, error.Failure);
        Assert.Single(site.Requests);
    }

    [Fact]
    public async Task A_selection_is_not_retried_after_a_503_a_gateway_may_have_forwarded()
    {
        var site = new ExpertFakeSite { Answer = _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site, maxAttempts: 3));

        var error = await Assert.ThrowsAsync<ExpertApiException>(() => connection.RegisterSelectionAsync(1, 2, 0.5, 1));

        Assert.Equal(ExpertFailure.ServerError, error.Failure);
        Assert.Single(site.Requests);
    }

    [Fact]
    public async Task A_selection_is_retried_after_a_429_which_says_the_site_did_not_act()
    {
        var answers = 0;
        var site = new ExpertFakeSite
        {
            Answer = _ => new HttpResponseMessage(Interlocked.Increment(ref answers) == 1 ? (HttpStatusCode)429 : HttpStatusCode.OK),
        };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site, maxAttempts: 3));

        await connection.RegisterSelectionAsync(1, 2, 0.5, 1);

        Assert.Equal(2, site.Requests.Count);
    }

    [Theory]
    [InlineData(0, 2, 0.5, 1)]
    [InlineData(1, 0, 0.5, 1)]
    [InlineData(1, 2, double.NaN, 1)]
    [InlineData(1, 2, 0.5, 0)]
    [InlineData(1, 2, 0.5, 65536)]
    public async Task Impossible_selections_are_refused_before_any_request(long queryId, long pageId, double rank, int position)
    {
        var site = new ExpertFakeSite();
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => connection.RegisterSelectionAsync(queryId, pageId, rank, position));
        Assert.Empty(site.Requests);
    }

    [Fact]
    public async Task A_search_asks_for_JSON_sorted_by_rank_with_the_query_escaped()
    {
        var site = new ExpertFakeSite { Answer = _ => ExpertFakeSite.Text(HttpStatusCode.OK, """{"@queryid":"3"}""") };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site));

        await connection.SearchAsync("refund & returns", limit: 10, offset: 20);

        var query = ExpertFakeSite.Query(Assert.Single(site.Requests).Uri);
        Assert.Equal(("refund & returns", "10", "20", "-rank", "json"),
            (query["q"], query["limit"], query["offset"], query["sortby"], query["dream.out.format"]));
    }
}
