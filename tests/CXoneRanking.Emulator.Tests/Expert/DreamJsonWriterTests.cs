using System.Text;
using CXoneRanking.Emulator.Expert;

namespace CXoneRanking.Emulator.Tests.Expert;

public sealed class DreamJsonWriterTests
{
    [Fact]
    public void The_root_is_dropped_attributes_come_first_and_children_group_by_name_in_ordinal_order()
    {
        var root = new XmlElementNode("queries").Attr("count", 2)
            .Add(new XmlElementNode("query").Attr("id", 1).Elem("raw", "b").Elem("count.results", 3))
            .Add(new XmlElementNode("query").Attr("id", 2).Elem("raw", "a"))
            .Elem("alpha", "x");

        Assert.Equal(
            "{\"@count\":\"2\",\"alpha\":\"x\",\"query\":[{\"@id\":\"1\",\"count.results\":\"3\",\"raw\":\"b\"},{\"@id\":\"2\",\"raw\":\"a\"}]}",
            Json(root));
    }

    [Fact]
    public void An_empty_element_is_an_empty_string_and_text_beside_attributes_is_hash_text()
    {
        var root = new XmlElementNode("r")
            .Add(new XmlElementNode("rating"))
            .Elem("language", "")
            .Add(new XmlElementNode("email").Attr("hidden", "true"));

        Assert.Equal("{\"email\":{\"@hidden\":\"true\"},\"language\":\"\",\"rating\":\"\"}", Json(root));
    }

    [Fact]
    public void Dream_dates_become_rfc_1123_and_other_text_is_left_alone()
    {
        var root = new XmlElementNode("r")
            .Elem("date.searched", new DateTimeOffset(2026, 3, 1, 12, 0, 5, TimeSpan.Zero))
            .Elem("raw", "2026-03-01")
            .Elem("rank", 0.5);

        Assert.Equal("{\"date.searched\":\"Sun, 01 Mar 2026 12:00:05 GMT\",\"rank\":\"0.5\",\"raw\":\"2026-03-01\"}", Json(root));
    }

    [Fact]
    public void Quotes_backslashes_controls_and_non_ascii_are_escaped_and_the_result_is_valid_json()
    {
        var text = "say \"hi\"\\ \n\t caf\u00e9 \u20ac \u0001";
        var root = new XmlElementNode("r").Elem("raw", text);

        var json = Json(root);

        Assert.Equal("{\"raw\":\"say \\\"hi\\\"\\\\ \\n\\t caf\\u00e9 \\u20ac \\u0001\"}", json);
        Assert.Equal(text, JsonDocument.Parse(json).RootElement.GetProperty("raw").GetString());
    }

    private static string Json(XmlElementNode root) => Encoding.UTF8.GetString(DreamJsonWriter.Write(root));
}
