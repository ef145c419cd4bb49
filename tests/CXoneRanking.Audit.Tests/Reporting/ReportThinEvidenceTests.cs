using CXoneRanking.Audit.Tests.Learning;
using CXoneRanking.Reporting;

namespace CXoneRanking.Audit.Tests.Reporting;

/// <summary>The report of a log too small to learn much from: model values are probabilities, or a dash with the reason.</summary>
public sealed class ReportThinEvidenceTests
{
    [Fact]
    public void The_field_report_log_shows_probabilities_or_dashes_with_reasons()
    {
        var report = RankingReportBuilder.Collect(SmallClickLog.FixedOrderReproduction().Entries);
        Assert.All(report.Examination, e => Assert.True(e.Examination is >= 0 and <= 1 || e.Note is not null, e.ToString()));
        Assert.All(report.EstimatedRelevance.Values, r => Assert.InRange(r, 0.0, 1.0));
        Assert.Equal("shown only at positions that cannot be compared with position 2", report.RelevanceNotes["KB-3"]);

        var html = HtmlReportWriter.Render(report);
        Assert.Contains("<td class=\"num\">1.000 (the reference: position 1 has no clicks)</td>", html);
        Assert.Contains("<td class=\"num\">– (shares no snippet with position 2: cannot be compared)</td>", html);
        Assert.DoesNotContain("2079", html);
    }
}
