using CXoneRanking.Api;

namespace CXoneRanking.Tests.Api;

public sealed class PathTemplateTests
{
    [Theory]
    [InlineData("https://gw.example.test/", PathTemplate.DefaultRanking, "s-1", "https://gw.example.test/api/v2/agentassist/sessions/s-1/snippets/ranking")]
    [InlineData("https://gw.example.test/prefix/", "/rank/{sessionId}", "a/b", "https://gw.example.test/prefix/rank/a%2Fb")]
    [InlineData("https://gw.example.test/", "rank/{sessionId}/go", "?x#y", "https://gw.example.test/rank/%3Fx%23y/go")]
    [InlineData("https://gw.example.test/", "/v1/sessions:{sessionId}", "100%", "https://gw.example.test/v1/sessions:100%25")]
    public void Expands_relative_to_the_base_with_the_id_as_one_segment(string baseUri, string template, string sessionId, string expected) =>
        Assert.Equal(expected, new Uri(new Uri(baseUri), PathTemplate.Parse(template, "t").Expand(sessionId)).AbsoluteUri);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("/api/sessions", "exactly once")]
    [InlineData("/a/{sessionId}/b/{sessionId}", "exactly once")]
    [InlineData("https://evil.example/{sessionId}", "relative")]
    [InlineData("//evil.example/{sessionId}", "relative")]
    [InlineData("/a/{sessionId}?x=1", "path characters")]
    [InlineData("/a/{sessionId}#f", "path characters")]
    [InlineData("/a b/{sessionId}", "path characters")]
    [InlineData("/a/{session}/{sessionId}", "path characters")]
    [InlineData("/a/%2F/{sessionId}", "path characters")]
    [InlineData("/a/../{sessionId}", "'..'")]
    public void Refuses_unusable_templates(string template, string why)
    {
        Assert.Contains(why, PathTemplate.Problem(template, "ranking path template"), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PathTemplate.Parse(template, "ranking path template"));
    }

    [Fact]
    public void Settings_report_a_bad_template_before_any_request()
    {
        var settings = new ConnectionSettings
        {
            BaseUri = new Uri("https://t.example.test"),
            Credentials = new ClientCredentials(new Uri("https://t.example.test/oauth/token"), "c", SecureStrings.FromText("s"), ClientCredentials.DefaultScopes),
            SessionPathTemplate = "/sessions",
        };
        Assert.Contains("session path template", settings.Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_want_exactly_one_way_to_sign_in()
    {
        Assert.Contains("no credentials", new ConnectionSettings { BaseUri = new Uri("https://t.example.test") }.Problem(), StringComparison.Ordinal);
        var both = new ConnectionSettings
        {
            Credentials = new ClientCredentials(new Uri("https://t.example.test/oauth/token"), "c", SecureStrings.FromText("s"), ClientCredentials.DefaultScopes),
            AccessKey = AccessKeyHandler.Credentials(),
        };
        Assert.Contains("not both", both.Problem(), StringComparison.Ordinal);
        Assert.Contains("issuer", new ConnectionSettings { AccessKey = AccessKeyHandler.Credentials("http://issuer.example.test") }.Problem(), StringComparison.Ordinal);
    }
}
