using System.Globalization;
using System.Net;
using CXoneRanking.Api;
using CXoneRanking.Expert;

namespace CXoneRanking.Tests.Expert;

/// <summary>
/// A site that answers well-formed but hostile content (the hostile review's F4, F8): a search log
/// that never ends, titles that carry terminal escapes, and an address that carries a password.
/// </summary>
public sealed class ExpertHostileSiteTests
{
    [Fact]
    public async Task A_site_that_keeps_answering_new_pages_fails_by_name_at_the_query_bound()
    {
        var site = new ExpertFakeSite
        {
            Answer = request =>
            {
                var query = ExpertFakeSite.Query(request.RequestUri!);
                var offset = int.Parse(query["offset"], CultureInfo.InvariantCulture);
                return ExpertFakeSite.Text(HttpStatusCode.OK, Page(offset + 1, int.Parse(query["limit"], CultureInfo.InvariantCulture)));
            },
        };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site));
        var read = 0;

        var error = await Assert.ThrowsAsync<ExpertApiException>(async () =>
        {
            await foreach (var _ in connection.ReadSearchLogAsync(new ExpertSearchLogRange { PageSize = 10, MaxQueries = 25 })) read++;
        });

        Assert.Equal(ExpertFailure.UnreadableAnswer, error.Failure);
        Assert.Contains("more pages after 30 searches", error.Message);
        Assert.Equal((3, 30), (site.Requests.Count, read));
    }

    [Fact]
    public void Control_characters_in_titles_and_paths_never_reach_the_terminal()
    {
        var json = """
            {"@querycount":"1","@ranking":"adaptive","@queryid":"9001","@count":"1",
             "result":{"id":"41","rank":"0.9","title":"Re\u001b[31mfunds\u0007\u009b2J\tnow","type":"page",
                       "page":{"title":"x","path":"Support/\u001b]0;owned\u0007Refunds"}}}
            """;

        var result = Assert.Single(ExpertSearchReader.Read(json, "refund", offset: 0).Results);

        Assert.Equal(("Re[31mfunds2J\tnow", "Support/]0;ownedRefunds"), (result.Title, result.Path));
    }

    [Theory]
    [InlineData("https://bob:PASSWORD-IN-URL@help.example.test/")]
    [InlineData("http://bob:PASSWORD-IN-URL@127.0.0.1:8080/")]
    [InlineData("https://bob@help.example.test/")]
    public void An_address_with_a_user_name_or_password_is_refused_without_repeating_it(string site)
    {
        var problem = EndpointPolicy.Problem(new Uri(site), "Expert site");

        Assert.NotNull(problem);
        Assert.Contains("never in the address", problem);
        Assert.DoesNotContain("bob", problem);
        Assert.DoesNotContain("bob", EndpointPolicy.WithoutUserInfo(new Uri(site))!.AbsoluteUri);
    }

    private static string Page(int firstId, int count)
    {
        var queries = Enumerable.Range(firstId, count).Select(id =>
            $$"""{"@id":"{{id}}","date.searched":"Tue, 05 Mar 2024 10:00:00 GMT","sorted-terms":"q{{id}}","selected-results":""}""");
        return $$"""{"@count":"{{count}}","query":[{{string.Join(",", queries)}}]}""";
    }
}
