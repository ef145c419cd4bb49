using CXoneRanking.Expert;

namespace CXoneRanking.Tests.Expert;

/// <summary>
/// site/query answers as Expert sends them: XML, and Dream JSON where one result is an object, many
/// an array, none no key at all, and every value a string.
/// </summary>
public sealed class ExpertSearchReaderTests
{
    private const string Xml = """
        <search querycount="12" ranking="adaptive" queryid="9001" count="2">
          <parsedQuery>content:(refund)</parsedQuery>
          <result>
            <id>41</id>
            <uri>https://help.example.test/Support/Refunds</uri>
            <uri.track>https://help.example.test/@api/deki/site/query/9001?pageid=41&amp;rank=0.93&amp;type=page&amp;position=1</uri.track>
            <rank>0.93</rank>
            <title>Refunds</title>
            <page><rating score="" count="" /><title>Refunds</title><path>Support/Refunds</path></page>
            <date.modified>2024-03-05T10:00:00Z</date.modified>
            <type>page</type>
            <tag>billing
        refunds</tag>
          </result>
          <result>
            <id>7</id>
            <uri.track>https://help.example.test/@api/deki/site/query/9001?pageid=52&amp;rank=0.5&amp;type=file&amp;typeid=7</uri.track>
            <rank>0.5</rank>
            <title>refund-form.pdf</title>
            <page><title>Forms</title><path>Support/Forms</path></page>
            <type>file</type>
          </result>
        </search>
        """;

    [Fact]
    public void XML_results_are_read_with_page_ids_paths_tags_and_positions()
    {
        var search = ExpertSearchReader.Read(Xml, "refund", offset: 0);

        Assert.Equal((9001L, 2, 12, "adaptive"), (search.QueryId, search.Count, search.TotalCount, search.Ranking));
        var first = search.Results[0];
        Assert.Equal((41L, 41L, "Refunds", 0.93, "Support/Refunds", "page", 1),
            (first.Id, first.PageId, first.Title, first.Rank, first.Path, first.Type, first.Position));
        Assert.Equal(["billing", "refunds"], first.Tags);
        Assert.Equal(9001, first.QueryId);
        var file = search.Results[1];
        // A file's own id is not a page id: the page comes from its track URI.
        Assert.Equal((7L, 52L, "file", 2, "Support/Forms"), (file.Id, file.PageId, file.Type, file.Position, file.Path));
        Assert.Empty(file.Tags);
    }

    [Fact]
    public void JSON_with_many_results_reads_like_the_XML()
    {
        var json = """
            {"@querycount":"12","@ranking":"adaptive","@queryid":"9001","@count":"2","parsedQuery":"content:(refund)",
             "result":[
               {"id":"41","uri":"https://help.example.test/Support/Refunds",
                "uri.track":"https://help.example.test/@api/deki/site/query/9001?pageid=41&rank=0.93&type=page&position=1",
                "rank":"0.93","title":"Refunds","page":{"rating":{"@score":"","@count":""},"title":"Refunds","path":"Support/Refunds"},
                "date.modified":"Tue, 05 Mar 2024 10:00:00 GMT","type":"page","tag":"billing\nrefunds"},
               {"id":"7","uri.track":"https://help.example.test/@api/deki/site/query/9001?pageid=52&rank=0.5&type=file&typeid=7",
                "rank":"0.5","title":"refund-form.pdf","page":{"title":"Forms","path":"Support/Forms"},"type":"file","tag":""}]}
            """;

        var fromJson = ExpertSearchReader.Read(json, "refund", 0);
        var fromXml = ExpertSearchReader.Read(Xml, "refund", 0);

        Assert.Equal(Shape(fromXml), Shape(fromJson));
    }

    [Fact]
    public void Exactly_one_result_comes_as_an_object_and_is_still_a_list_of_one()
    {
        var json = """{"@queryid":"5","@count":"1","@querycount":"1","result":{"id":"3","rank":"1","title":"Only","page":{"path":"Only"}}}""";

        var search = ExpertSearchReader.Read(json, "only", offset: 20);

        var only = Assert.Single(search.Results);
        Assert.Equal((3L, 3L, 1.0, 21), (only.Id, only.PageId, only.Rank, only.Position));
    }

    [Theory]
    [InlineData("""{"@queryid":"5","@count":"0","@querycount":"0","parsedQuery":""}""")]
    [InlineData("""{"@queryid":"5"}""")]
    [InlineData("""<search queryid="5" count="0" querycount="0"><parsedQuery /></search>""")]
    public void No_results_is_an_empty_list(string body)
    {
        var search = ExpertSearchReader.Read(body, "nothing", 0);

        Assert.Equal((5L, 0, 0), (search.QueryId, search.Count, search.TotalCount));
        Assert.Empty(search.Results);
    }

    [Fact]
    public void Repeated_tag_elements_are_separate_tags()
    {
        var xml = """<search queryid="1"><result><id>2</id><rank>0.1</rank><tag>a</tag><tag>b c</tag></result></search>""";

        Assert.Equal(["a", "b c"], ExpertSearchReader.Read(xml, "q", 0).Results[0].Tags);
    }

    [Theory]
    [InlineData("""{"@count":"0"}""", "search/@queryid")]
    [InlineData("""{"@queryid":"1","result":{"rank":"0.5"}}""", "result 1/id")]
    [InlineData("""{"@queryid":"1","result":[{"id":"1","rank":"0.5"},{"id":"2"}]}""", "result 2/rank")]
    [InlineData("""{"@queryid":"1","result":{"id":"1","rank":"high"}}""", "result 1/rank")]
    [InlineData("""{"@queryid":"x"}""", "search/@queryid")]
    public void A_missing_or_malformed_required_field_is_named(string body, string field)
    {
        var error = Assert.Throws<ExpertApiException>(() => ExpertSearchReader.Read(body, "q", 0));

        Assert.Equal(ExpertFailure.UnreadableAnswer, error.Failure);
        Assert.Contains($"'{field}'", error.Message);
    }

    [Theory]
    [InlineData("<queries count=\"0\" />", "<search>")]
    [InlineData("not json", "neither XML nor JSON")]
    [InlineData("<search queryid=\"1\"", "not well-formed XML")]
    [InlineData("", "empty")]
    public void An_answer_of_the_wrong_shape_is_refused_clearly(string body, string says)
    {
        var error = Assert.Throws<ExpertApiException>(() => ExpertSearchReader.Read(body, "q", 0));

        Assert.Contains(says, error.Message);
    }

    [Fact]
    public void A_DTD_in_the_answer_is_refused()
    {
        var xml = """<!DOCTYPE search [<!ENTITY x "boom">]><search queryid="1">&x;</search>""";

        Assert.Throws<ExpertApiException>(() => ExpertSearchReader.Read(xml, "q", 0));
    }

    private static string Shape(ExpertSearch search) =>
        $"{search.QueryId}|{search.Count}|{search.TotalCount}|" + string.Join(";", search.Results.Select(r =>
            $"{r.Id},{r.PageId},{r.Title},{r.Uri},{r.TrackUri},{r.Rank},{r.Path},{r.Type},{string.Join("+", r.Tags)},{r.Position}"));
}
