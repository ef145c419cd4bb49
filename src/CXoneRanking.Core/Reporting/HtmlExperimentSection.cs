using System.Globalization;
using System.Text;
using CXoneRanking.Experiments;
using static CXoneRanking.Reporting.SvgText;

namespace CXoneRanking.Reporting;

/// <summary>
/// The experiments section (docs/experiments.md), shown only when the period holds an experiment:
/// the lifts with their intervals as a chart, each arm's figures in a table, and each verdict as
/// Get-RankingExperiment words it, so the report and the cmdlet agree.
/// </summary>
internal static class HtmlExperimentSection
{
    public static void Append(StringBuilder html, RankingReport report)
    {
        if (report.Experiments.Count == 0) return;
        var table = new HtmlTable("Experiments: each arm's figures", "Experiment / arm", "Sessions", "Impressions", "Clicks",
            "Clicked impressions", "CTR", "MRR");
        foreach (var e in report.Experiments)
            foreach (var arm in new[] { e.Control, e.Treatment })
                table.Row($"{e.Experiment} / {arm.Arm}", Number(arm.Sessions), Number(arm.Impressions), Number(arm.Clicks),
                    Number(arm.ClickedImpressions), Percent(arm.ClickThroughRate),
                    arm.MeanReciprocalRank.ToString("0.000", CultureInfo.InvariantCulture));
        html.Append("<section id=\"experiments\"><h2>Experiments</h2><div class=\"figure\">")
            .Append(SvgIntervalChart.Render("chart-experiments", report.Experiments)).Append(table.Render()).Append("</div><ul class=\"verdicts\">");
        foreach (var e in report.Experiments)
            html.Append($"<li data-experiment=\"{Encode(e.Experiment)}\" data-p-value=\"{(e.PValue is { } p ? RoundTrip(p) : "")}\">")
                .Append($"<strong>{Encode(e.Experiment)}</strong>: {Encode(e.Verdict)}</li>");
        html.Append("</ul><p class=\"meta\">Lift is treatment minus control; intervals and p-values treat each session as one observation. ")
            .Append("Decide the sample size before the experiment starts and read the result once it is reached ")
            .Append("(docs/experiments.md).</p></section>");
    }
}
