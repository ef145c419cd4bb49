using System.Text;
using CXoneRanking.Ranking;

namespace CXoneRanking.Tests;

public sealed class BoostDirectiveFileTests
{
    private static IReadOnlyList<BoostDirective> Parse(string json) =>
        BoostDirectiveFile.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "rules.json");

    [Fact]
    public void Reads_boost_and_exclude_rules_in_any_name_style()
    {
        var rules = Parse("""
            [ { "metadata_key": "category", "value": "billing*", "factor": 1.2 },
              // comments and trailing commas are forgiven
              { "MetadataKey": "category", "Value": "spam", "Exclude": true },
              { "metadataKey": "tier", "value": "gold", "factor": 2 }, ]
            """);
        Assert.Equal(["rule(category=billing*) 1.2", "exclude(category=spam)", "rule(tier=gold) 2.0"], rules.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData("""[ { "metadata_key": "c", "value": "x", "factor": 12 } ]""", "rules.json: rule 1 ($[0]): factor 12 is outside (0, 10]")]
    [InlineData("""[ {}, { "metadata_key": "c", "value": "x" } ]""", "rules.json: rule 1 ($[0]): 'metadata_key' is missing")]
    [InlineData("""[ { "metadata_key": "c", "value": "x", "factor": 1 }, { "metadata_key": "c", "value": "x" } ]""", "rule 2 ($[1]): 'factor' is missing")]
    [InlineData("""[ { "metadata_key": "c", "value": "x", "facor": 1 } ]""", "unknown property 'facor'")]
    [InlineData("""[ { "metadata_key": "c", "value": 3, "factor": 1 } ]""", "'value' must be a string, found a number")]
    [InlineData("""[ { "metadata_key": "c", "value": "x", "factor": "1" } ]""", "'factor' must be a number, found a string")]
    [InlineData("""[ { "metadata_key": "c", "value": "x", "factor": 1, "exclude": true } ]""", "either excludes or has a factor")]
    [InlineData("""{ "metadata_key": "c" }""", "expected a JSON array of rules, found an object")]
    [InlineData("[ 1 ]", "rule 1 ($[0]): expected an object, found a number")]
    [InlineData("[\n  { \"metadata_key\": \"c\",\n    \"value\": }\n]", "not valid JSON at line 3")]
    [InlineData("""[ { "snippet_id": "KB-1", "snippet_id": "KB-2", "factor": 2 } ]""", "rule 1 ($[0]): 'snippet_id' is given twice")]
    [InlineData("""[ { "snippet_id": "KB-1", "factor": 2 }, { "snippet_id": "KB-1", "factor": 2, "factor": 3 } ]""", "rule 2 ($[1]): 'factor' is given twice")]
    [InlineData("""[ { "metadata_key": "c", "MetadataKey": "d", "value": "x", "factor": 2 } ]""", "rule 1 ($[0]): 'MetadataKey' is given twice")]
    public void Says_where_a_bad_file_is_wrong(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<DirectiveFileException>(() => Parse(json)).Message);

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t")]
    [InlineData("\uFEFF")]
    [InlineData("[]")]
    [InlineData("\uFEFF[ ]\n")]
    public void A_file_with_no_text_or_an_empty_array_holds_no_rules(string json) => Assert.Empty(Parse(json));

    [Fact]
    public void A_byte_order_mark_before_rules_is_still_read() =>
        Assert.Equal(["rule(c=x) 1.5"], Parse("\uFEFF[ { \"metadata_key\": \"c\", \"value\": \"x\", \"factor\": 1.5 } ]").Select(r => r.ToString()));
}
