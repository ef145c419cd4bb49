using CXoneRanking.Audit.Tests.Reporting;
using CXoneRanking.Experiments;
using CXoneRanking.Reporting;

namespace CXoneRanking.Audit.Tests.Experiments;

/// <summary>Export-RankingReport's experiments section: present only with experiments, the cmdlet's figures, markup encoded.</summary>
public sealed class ExperimentReportTests
{
    private static IEnumerable<AuditEntry> Log(string experiment)
    {
        for (var i = 0; i < 40; i++)
        {
            var session = $"s-{i}";
            var entry = Entries.Submitted(session, 10, Entries.T0.AddMinutes(i), "KB-1", "KB-2");
            entry.Experiment = experiment;
            entry.Arm = ExperimentAssignment.ArmOf(experiment, session, 50);
            yield return entry;
            if (i % (entry.Arm == ExperimentArm.Treatment ? 2 : 5) == 0)
                yield return Entries.Click(session, "KB-1", 1, Entries.T0.AddMinutes(i).AddSeconds(5));
        }
    }

    [Fact]
    public void The_section_shows_each_experiment_as_get_ranking_experiment_computes_it()
    {
        const string name = "<b>boost</b>";
        var report = RankingReportBuilder.Collect(Log(name));
        var expected = RankingExperimentCalculator.Calculate(Log(name)).Single();
        var html = Markup.Parse(HtmlReportWriter.Render(report));

        var section = html.All("section").Single(s => (string?)s.Attribute("id") == "experiments");
        var interval = section.All("g").Single();
        Assert.Equal(name, (string?)interval.Attribute("data-experiment"));
        Assert.Equal(expected.ClickThroughLift, (double)interval.Attribute("data-lift")!);
        Assert.Equal(expected.ClickThroughLiftLow, (double)interval.Attribute("data-low")!);
        Assert.Contains(expected.Verdict, section.All("li").Single().Value);
        Assert.DoesNotContain("<b>", section.All("li").Single().Value.Replace(name, ""));
        Assert.Contains(section.All("th"), th => th.Value == $"{name} / Treatment");
    }

    [Fact]
    public void Without_experiments_the_report_has_no_such_section()
    {
        var html = Markup.Parse(HtmlReportWriter.Render(RankingReportBuilder.Collect([Entries.Submitted("s-1", 5, null, "KB-1")])));
        Assert.DoesNotContain(html.All("section"), s => (string?)s.Attribute("id") == "experiments");
    }
}
