using CXoneRanking.Expert;

namespace CXoneRanking.Tests.Expert;

/// <summary>site/query/log answers: XML and Dream JSON, one query or many, selections in every shape.</summary>
public sealed class ExpertSearchLogReaderTests
{
    private const string Xml = """
        <queries count="2">
          <query id="101" href="https://help.example.test/@api/deki/site/query/log/101">
            <date.searched>2024-03-05T10:00:00Z</date.searched>
            <sorted-terms>refund status</sorted-terms>
            <raw>refund status</raw>
            <count.results>14</count.results>
            <terms><term>refund</term><term>status</term></terms>
            <selected-results count="2">
              <result type="page"><position>1</position><rank>0.93</rank><date.selected>2024-03-05T10:00:09Z</date.selected>
                <page id="41" href="https://help.example.test/@api/deki/pages/41" /></result>
              <result type="file"><position>3</position><rank>0.5</rank><date.selected>2024-03-05T10:01:00Z</date.selected>
                <page id="52" href="https://help.example.test/@api/deki/pages/52" /><file id="7" /></result>
            </selected-results>
          </query>
          <query id="102">
            <previous id="101" />
            <date.searched>2024-03-05T10:02:00Z</date.searched>
            <sorted-terms>refund</sorted-terms>
            <count.results>0</count.results>
            <selected-results count="0" />
          </query>
        </queries>
        """;

    private const string Json = """
        {"@count":"2","query":[
          {"@id":"101","@href":"https://help.example.test/@api/deki/site/query/log/101","date.searched":"Tue, 05 Mar 2024 10:00:00 GMT",
           "sorted-terms":"refund status","raw":"refund status","count.results":"14","terms":{"term":["refund","status"]},
           "selected-results":{"@count":"2","result":[
             {"@type":"page","position":"1","rank":"0.93","date.selected":"Tue, 05 Mar 2024 10:00:09 GMT",
              "page":{"@id":"41","@href":"https://help.example.test/@api/deki/pages/41"}},
             {"@type":"file","position":"3","rank":"0.5","date.selected":"Tue, 05 Mar 2024 10:01:00 GMT","page":{"@id":"52"},"file":{"@id":"7"}}]}},
          {"@id":"102","previous":{"@id":"101"},"date.searched":"Tue, 05 Mar 2024 10:02:00 GMT","sorted-terms":"refund",
           "count.results":"0","selected-results":{"@count":"0"}}]}
        """;

    [Fact]
    public void XML_queries_and_their_selections_are_read()
    {
        var queries = ExpertSearchLogReader.Read(Xml);

        Assert.Equal(2, queries.Count);
        var first = queries[0];
        Assert.Equal((101L, "refund status", 14), (first.QueryId, first.SortedTerms, first.ResultCount));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero), first.SearchedAt);
        Assert.Equal([(41L, 1, "page"), (52L, 3, "file")], first.Selections.Select(s => (s.PageId, s.Position, s.Type)));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 0, 9, TimeSpan.Zero), first.Selections[0].SelectedAt);
        Assert.Equal(0.93, first.Selections[0].Rank);
        Assert.Equal(101L, queries[1].PreviousQueryId);
        Assert.Empty(queries[1].Selections);
    }

    [Fact]
    public void Dream_JSON_reads_exactly_like_the_XML()
    {
        Assert.Equal(Shape(ExpertSearchLogReader.Read(Xml)), Shape(ExpertSearchLogReader.Read(Json)));
    }

    [Fact]
    public void One_query_with_one_selection_comes_as_objects_and_reads_as_lists_of_one()
    {
        var json = """
            {"@count":"1","query":{"@id":"7","date.searched":"Tue, 05 Mar 2024 10:00:00 GMT","sorted-terms":"vpn",
             "selected-results":{"@count":"1","result":{"@type":"page","position":"2","rank":"0.7","page":{"@id":"12"}}}}}
            """;

        var query = Assert.Single(ExpertSearchLogReader.Read(json));

        var selection = Assert.Single(query.Selections);
        Assert.Equal((12L, 2, 0.7), (selection.PageId, selection.Position, selection.Rank));
    }

    [Theory]
    [InlineData("\"selected-results\":\"\",")]
    [InlineData("\"selected-results\":{\"@count\":\"0\"},")]
    [InlineData("")]
    public void Empty_selected_results_in_every_shape_are_no_selections(string selections)
    {
        var json = $$$"""{"query":{"@id":"7",{{{selections}}}"date.searched":"Tue, 05 Mar 2024 10:00:00 GMT"}}""";

        Assert.Empty(Assert.Single(ExpertSearchLogReader.Read(json)).Selections);
    }

    [Theory]
    [InlineData("{\"@count\":\"0\"}")]
    [InlineData("\"\"")]
    [InlineData("<queries count=\"0\" />")]
    public void An_empty_log_is_no_queries(string body)
    {
        Assert.Empty(ExpertSearchLogReader.Read(body));
    }

    [Theory]
    [InlineData("""{"query":{"date.searched":"Tue, 05 Mar 2024 10:00:00 GMT"}}""", "query/@id")]
    [InlineData("""{"query":{"@id":"7"}}""", "query 7/date.searched")]
    [InlineData("""{"query":{"@id":"7","date.searched":"yesterday"}}""", "query 7/date.searched")]
    [InlineData("""{"query":{"@id":"7","date.searched":"20240305100000","selected-results":{"result":{"position":"1"}}}}""",
        "query 7/selected-results/result/page/@id")]
    public void A_missing_or_malformed_required_field_is_named(string body, string field)
    {
        var error = Assert.Throws<ExpertApiException>(() => ExpertSearchLogReader.Read(body));

        Assert.Contains($"'{field}'", error.Message);
    }

    [Theory]
    [InlineData("2024-03-05T10:00:00Z")]
    [InlineData("2024-03-05T10:00:00.000Z")]
    [InlineData("2024-03-05T11:00:00+01:00")]
    [InlineData("Tue, 05 Mar 2024 10:00:00 GMT")]
    [InlineData("20240305100000")]
    public void Dates_in_every_documented_form_are_the_same_instant(string date)
    {
        var json = $$$"""{"query":{"@id":"7","date.searched":"{{{date}}}"}}""";

        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero), ExpertSearchLogReader.Read(json)[0].SearchedAt);
    }

    private static string Shape(IEnumerable<ExpertLoggedQuery> queries) => string.Join(";", queries.Select(q =>
        $"{q.QueryId},{q.SearchedAt:O},{q.SortedTerms},{q.RawQuery},{q.ResultCount},{q.PreviousQueryId}:"
        + string.Join("+", q.Selections.Select(s => $"{s.Type}/{s.PageId}/{s.Position}/{s.Rank}/{s.SelectedAt:O}"))));
}
