using CXoneRanking.Reporting;
using CXoneRanking.WhatIf;

namespace CXoneRanking.Audit.Tests.Reporting;

/// <summary>
/// The what-if section (Export-RankingReport -ProposedDirective): shown only with an estimate; every text from the log or
/// the proposal encoded; an estimate without figures (nothing to estimate from) says so instead of drawing a lift.
/// </summary>
public sealed class ReportWhatIfSectionTests
{
    private const string Hostile = "<script>alert(1)</script>&KB";

    private static RankingReport Report(RankingChangeEstimate? estimate)
    {
        var builder = new RankingReportBuilder { WhatIf = estimate, ProposedDirectives = [BoostDirective.BoostSnippet(Hostile, 2)] };
        return builder.Build(generatedAt: new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Without_an_estimate_there_is_no_section()
    {
        Assert.DoesNotContain("id=\"what-if\"", HtmlReportWriter.Render(Report(null)));
    }

    [Fact]
    public void Snippet_ids_rules_and_the_verdict_are_encoded_and_the_figures_carry_their_exact_values()
    {
        var estimate = new RankingChangeEstimate
        {
            Sessions = 1200, ClickThroughLift = 0.0123, ClickThroughLiftLow = 0.004, ClickThroughLiftHigh = 0.021, Coverage = 0.95,
            Verdict = "Likely better: " + Hostile,
            Moved = [new MovedSnippet { SnippetId = Hostile, Attractiveness = 0.4, OldMeanPosition = 4, NewMeanPosition = 1 }],
        };

        var html = HtmlReportWriter.Render(Report(estimate));
        var section = Markup.Parse(html).All("section").Single(s => (string?)s.Attribute("id") == "what-if");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains(section.All("th"), th => th.Value == Hostile);
        Assert.Contains(Hostile, section.Value, StringComparison.Ordinal);
        Assert.Equal("0.0123", (string?)section.All("dd").Single(d => (string?)d.Attribute("data-metric") == "what-if-ctr-lift").Attribute("data-value"));
        Assert.Equal("0.004", (string?)section.All("g").Single().Attribute("data-low"));
    }

    [Fact]
    public void An_estimate_with_nothing_to_estimate_from_draws_no_lift_and_shows_dashes()
    {
        var estimate = new RankingChangeEstimate { Verdict = "Cannot tell: there is no logged showing to estimate from." };

        var section = Markup.Parse(HtmlReportWriter.Render(Report(estimate))).All("section").Single(s => (string?)s.Attribute("id") == "what-if");

        Assert.Empty(section.All("circle"));
        Assert.Contains(section.All("text"), t => t.Value == "not enough data");
        Assert.Equal("", (string?)section.All("dd").Single(d => (string?)d.Attribute("data-metric") == "what-if-coverage").Attribute("data-value"));
    }
}
