using System.Globalization;
using System.Text;
using static CXoneRanking.Reporting.SvgText;

namespace CXoneRanking.Reporting;

/// <summary>
/// The what-if section (docs/what-if.md), shown only when the report was asked for a proposal
/// (Export-RankingReport -ProposedDirective): the rules proposed, the click-through lift as a dot on its
/// interval, logged against estimated figures in a table, the snippets that would move and the verdict,
/// all from the very estimate Measure-RankingChange returns, so the report and the cmdlet agree.
/// </summary>
internal static class HtmlWhatIfSection
{
    public static void Append(StringBuilder html, RankingReport report)
    {
        if (report.WhatIf is not { } e) return;
        html.Append("<section id=\"what-if\"><h2>What-if: the proposed directives</h2><p>Proposed rules: ")
            .Append(report.ProposedDirectives.Count == 0 ? "none (ranking without any rule)"
                : Encode(string.Join("; ", report.ProposedDirectives.Select(d => d.ToString()))))
            .Append(".</p><dl class=\"summary\">");
        HtmlReportWriter.Figure(html, "what-if-sessions", "Sessions re-ranked", e.Sessions, Number(e.Sessions));
        HtmlReportWriter.Figure(html, "what-if-ctr-lift", "Click-through lift", e.ClickThroughLift, Points(e.ClickThroughLift));
        HtmlReportWriter.Figure(html, "what-if-mrr-lift", "Mean reciprocal rank lift", e.MeanReciprocalRankLift, Signed(e.MeanReciprocalRankLift));
        HtmlReportWriter.Figure(html, "what-if-coverage", "Coverage", e.Coverage, e.Coverage is { } c ? Percent(c) : "–");
        html.Append("</dl><div class=\"figure\">");
        var lift = new SvgIntervalChart.Interval("Proposal", e.ClickThroughLift, e.ClickThroughLiftLow ?? 0, e.ClickThroughLiftHigh ?? 0,
            e.Verdict.StartsWith("Likely", StringComparison.Ordinal), e.Verdict,
            $"data-lift=\"{Value(e.ClickThroughLift)}\" data-low=\"{Value(e.ClickThroughLiftLow)}\" data-high=\"{Value(e.ClickThroughLiftHigh)}\"");
        html.Append(SvgIntervalChart.Render("chart-what-if", "Estimated click-through lift of the proposal",
            "Proposed minus logged click-through in percentage points, both under the click model, with its 95% interval; "
                + "the vertical line is no difference.", [lift]));
        var figures = new HtmlTable("Logged and estimated under the proposal", "Figure", "Logged", "Estimated", "95% interval",
            "Lift", "Lift 95% interval");
        figures.Row("Click-through rate", Rate(e.LoggedClickThroughRate), Rate(e.EstimatedClickThroughRate),
            Range(Rate(e.EstimatedClickThroughRateLow), Rate(e.EstimatedClickThroughRateHigh)), Points(e.ClickThroughLift),
            Range(Points(e.ClickThroughLiftLow), Points(e.ClickThroughLiftHigh)));
        figures.Row("Mean reciprocal rank", Fixed(e.LoggedMeanReciprocalRank), Fixed(e.EstimatedMeanReciprocalRank),
            Range(Fixed(e.EstimatedMeanReciprocalRankLow), Fixed(e.EstimatedMeanReciprocalRankHigh)), Signed(e.MeanReciprocalRankLift),
            Range(Signed(e.MeanReciprocalRankLiftLow), Signed(e.MeanReciprocalRankLiftHigh)));
        html.Append(figures.Render()).Append("</div>");
        var moved = new HtmlTable("The snippets that would move most", "Snippet", "Attractiveness", "Impressions", "Old mean position",
            "New mean position", "Expected impressions (old → new)");
        foreach (var m in e.Moved)
            moved.Row(m.SnippetId, m.Attractiveness is { } a ? a.ToString("0.000", CultureInfo.InvariantCulture) : "– (too few impressions)",
                Number(m.LoggedImpressions), Position(m.OldMeanPosition), Position(m.NewMeanPosition),
                $"{Number(Math.Round(m.OldExpectedImpressions, 1))} → {Number(Math.Round(m.NewExpectedImpressions, 1))}");
        html.Append(moved.Render())
            .Append($"<p class=\"verdicts\" data-verdict=\"{Encode(e.Verdict)}\"><strong>Verdict</strong>: {Encode(e.Verdict)}</p>")
            .Append($"<p class=\"meta\">{Encode(e.Method.ToString())}. ");
        if (e.Note.Length > 0) html.Append(Encode(e.Note)).Append(' ');
        html.Append("An estimate from the logged clicks under a model (docs/what-if.md), not a measurement: ")
            .Append("confirm a change that looks better with an experiment.</p></section>");
    }

    private static string Value(double? value) => value is { } v ? RoundTrip(v) : "";

    private static string Rate(double? value) => value is { } v ? Percent(v) : "–";

    private static string Points(double? value) =>
        value is { } v ? (v * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " pts" : "–";

    private static string Fixed(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private static string Signed(double? value) => value is { } v ? v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "–";

    private static string Position(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "not shown";

    private static string Range(string low, string high) => low == "–" ? "–" : $"{low} to {high}";
}
