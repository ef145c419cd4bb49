using System.Globalization;
using System.Net;
using CXoneRanking.Expert;
using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Tests.Expert;

/// <summary>Reading the whole search log: limit/offset pages until one comes back short.</summary>
public sealed class ExpertSearchLogPagerTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 31, 12, 30, 45, TimeSpan.Zero);

    [Theory]
    [InlineData(1200, 500, 3)]   // 500, 500, 200: the short page ends it
    [InlineData(1000, 500, 3)]   // 500, 500, then an empty page
    [InlineData(0, 500, 1)]
    [InlineData(1, 1000, 1)]     // one query: an object, not an array
    [InlineData(1200, 100, 13)]
    public async Task Every_query_is_read_once_across_pages(int total, int pageSize, int requests)
    {
        var site = LogOf(total);
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site, new FakeTimeProvider(Now)));

        var ids = new List<long>();
        await foreach (var query in connection.ReadSearchLogAsync(new ExpertSearchLogRange { PageSize = pageSize }))
            ids.Add(query.QueryId);

        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), ids);
        Assert.Equal(requests, site.Requests.Count);
        var offsets = site.Requests.Select(r => ExpertFakeSite.Query(r.Uri)["offset"]).ToList();
        Assert.Equal(Enumerable.Range(0, requests).Select(i => (i * pageSize).ToString(CultureInfo.InvariantCulture)), offsets);
    }

    [Fact]
    public async Task The_default_range_is_the_last_month_fixed_once_for_every_page()
    {
        var clock = new FakeTimeProvider(Now);
        var site = LogOf(3);
        var inner = site.Answer;
        site.Answer = request =>
        {
            clock.Advance(TimeSpan.FromMinutes(5)); // "now" moves while pages are read
            return inner(request);
        };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site, clock));

        await foreach (var _ in connection.ReadSearchLogAsync(new ExpertSearchLogRange { PageSize = 1 })) { } // the range ends after the current second: 12:30:46

        Assert.Equal(4, site.Requests.Count);
        Assert.All(site.Requests, r =>
        {
            var query = ExpertFakeSite.Query(r.Uri);
            Assert.Equal(("20240229123046", "20240331123046", "1", "json"),
                (query["since"], query["before"], query["limit"], query["dream.out.format"]));
        });
    }

    [Fact]
    public async Task A_site_that_ignores_the_offset_is_caught_not_read_forever()
    {
        var site = new ExpertFakeSite { Answer = _ => ExpertFakeSite.Text(HttpStatusCode.OK, Page(1, 2)) };
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site));

        var error = await Assert.ThrowsAsync<ExpertApiException>(async () =>
        {
            await foreach (var _ in connection.ReadSearchLogAsync(new ExpertSearchLogRange { PageSize = 2 })) { }
        });

        Assert.Contains("repeats the previous one", error.Message);
        Assert.Equal(2, site.Requests.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void A_page_size_outside_1_to_1000_is_refused(int pageSize)
    {
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(new ExpertFakeSite()));

        Assert.Throws<ArgumentException>(() => connection.ReadSearchLogAsync(new ExpertSearchLogRange { PageSize = pageSize }));
    }

    [Fact]
    public async Task Cancelling_stops_between_pages()
    {
        using var cancel = new CancellationTokenSource();
        var site = LogOf(1200);
        using var connection = new ExpertConnection(ExpertFakeSite.Settings(site));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var query in connection.ReadSearchLogAsync(new ExpertSearchLogRange { PageSize = 100 }, cancel.Token))
                if (query.QueryId == 150) cancel.Cancel();
        });
        Assert.Equal(2, site.Requests.Count);
    }

    [Fact]
    public async Task A_page_over_the_answer_cap_is_asked_for_again_smaller_and_reading_goes_on()
    {
        // Each query is about 900 bytes and the cap 4 KiB: four fit in a page, five do not.
        var site = LogOf(23, terms: new string('t', 850));
        using var connection = new ExpertConnection(Capped(site, 4096));

        var ids = new List<long>();
        await foreach (var query in connection.ReadSearchLogAsync(new ExpertSearchLogRange { PageSize = 500 }))
            ids.Add(query.QueryId);

        Assert.Equal(Enumerable.Range(1, 23).Select(i => (long)i), ids);
        var limits = site.Requests.Select(r => ExpertFakeSite.Query(r.Uri)["limit"]).ToList();
        Assert.Equal(["500", "250", "125", "62", "31", "15", "7", "3", "3", "3", "3", "3", "3", "3", "3"], limits);
    }

    [Fact]
    public async Task One_query_alone_over_the_cap_fails_naming_its_place_in_the_log()
    {
        var site = LogOf(5, terms: new string('t', 3000));
        using var connection = new ExpertConnection(Capped(site, 2048));

        var error = await Assert.ThrowsAsync<ExpertApiException>(async () =>
        {
            await foreach (var _ in connection.ReadSearchLogAsync(new ExpertSearchLogRange { PageSize = 4 })) { }
        });

        Assert.Equal(ExpertFailure.AnswerTooLarge, error.Failure);
        Assert.Contains("offset 0", error.Message);
        Assert.Contains("one query alone", error.Message);
        Assert.Equal(["4", "2", "1"], site.Requests.Select(r => ExpertFakeSite.Query(r.Uri)["limit"]));
    }

    [Theory]
    [InlineData("0001-01-15T00:00:00Z", "0001-01-01T00:00:00Z")] // -Until 0001-01-15: a month before it is before year 1
    [InlineData("0001-01-01T00:00:01Z", "0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z", "9999-11-30T23:59:59Z")]
    public void A_range_at_the_ends_of_the_calendar_resolves_without_overflowing(string until, string since)
    {
        var before = DateTimeOffset.Parse(until, CultureInfo.InvariantCulture);

        var resolved = new ExpertSearchLogRange { Before = before }.Resolve(new FakeTimeProvider(Now));

        Assert.Equal((DateTimeOffset.Parse(since, CultureInfo.InvariantCulture), before), (resolved.Since!.Value, resolved.Before!.Value));
        Assert.Null(resolved.Problem());
    }

    [Fact]
    public void A_start_after_the_current_second_is_an_empty_range_once_now_is_filled_in()
    {
        var clock = new FakeTimeProvider(Now.AddMilliseconds(400));

        var range = new ExpertSearchLogRange { Since = Now.AddSeconds(1).AddMilliseconds(100) };

        Assert.Null(range.Problem());
        Assert.Contains("not before", range.Resolve(clock).Problem());
        Assert.Contains("not before", new ExpertSearchLogRange { Since = Now.AddDays(1) }.Resolve(clock).Problem());
    }

    [Fact]
    public void An_open_range_ends_after_the_current_second_so_a_search_made_just_now_is_in_it()
    {
        var clock = new FakeTimeProvider(Now.AddMilliseconds(400));

        var resolved = new ExpertSearchLogRange { Since = Now.AddMilliseconds(100) }.Resolve(clock);

        Assert.Null(resolved.Problem());
        Assert.Equal((Now, Now.AddSeconds(1)), (resolved.Since!.Value, resolved.Before!.Value));
    }

    private static ExpertSettings Capped(ExpertFakeSite site, int maxAnswerBytes)
    {
        var settings = ExpertFakeSite.Settings(site, new FakeTimeProvider(Now));
        return new ExpertSettings
        {
            Site = settings.Site, Key = settings.Key, Secret = settings.Secret, User = settings.User, Handler = site,
            Time = settings.Time, RequestTimeout = settings.RequestTimeout, RetryBaseDelay = TimeSpan.Zero,
            MaxAnswerBytes = maxAnswerBytes,
        };
    }

    /// <summary>A site whose log holds queries 1..total, served as Dream JSON pages.</summary>
    private static ExpertFakeSite LogOf(int total, string terms = "") => new()
    {
        Answer = request =>
        {
            var query = ExpertFakeSite.Query(request.RequestUri!);
            var offset = int.Parse(query["offset"], CultureInfo.InvariantCulture);
            var limit = int.Parse(query["limit"], CultureInfo.InvariantCulture);
            return ExpertFakeSite.Text(HttpStatusCode.OK, Page(offset + 1, Math.Max(0, Math.Min(limit, total - offset)), terms));
        },
    };

    private static string Page(int firstId, int count, string terms = "")
    {
        var queries = Enumerable.Range(firstId, count).Select(id =>
            $$"""{"@id":"{{id}}","date.searched":"Tue, 05 Mar 2024 10:00:00 GMT","sorted-terms":"q{{id}}{{terms}}","selected-results":""}""")
            .ToList();
        var list = count switch { 0 => string.Empty, 1 => $",\"query\":{queries[0]}", _ => $",\"query\":[{string.Join(",", queries)}]" };
        return $$"""{"@count":"{{count}}"{{list}}}""";
    }
}
