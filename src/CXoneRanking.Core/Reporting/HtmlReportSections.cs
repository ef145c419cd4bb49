using System.Globalization;
using System.Text;
using static CXoneRanking.Reporting.SvgText;

namespace CXoneRanking.Reporting;

/// <summary>
/// The chart sections: each is a heading, an inline SVG chart and, next to it, a table with the
/// same figures (the text alternative for screen readers and for print in black and white).
/// </summary>
internal static class HtmlReportSections
{
    public static void AppendLatency(StringBuilder html, RankingReport report)
    {
        var m = report.Metrics;
        var marks = new[]
        {
            new KeyValuePair<string, double?>("p50", m.P50LatencyMs),
            new KeyValuePair<string, double?>("p95", m.P95LatencyMs),
            new KeyValuePair<string, double?>("p99", m.P99LatencyMs),
        };
        var chart = new SvgHistogram("chart-latency", "Submission latency",
            $"Histogram of {report.Latencies.Count} submission latencies in milliseconds, with dashed lines at the 50th, 95th and 99th percentiles.",
            "Latency (ms)").Render(report.Latencies, marks);
        html.Append("<section id=\"latency\"><h2>Latency</h2><div class=\"figure\">").Append(chart)
            .Append("<div><dl class=\"summary\">");
        HtmlReportWriter.Figure(html, "average-latency", "Average", m.AverageLatencyMs, Ms(m.AverageLatencyMs));
        foreach (var mark in marks) HtmlReportWriter.Figure(html, mark.Key, mark.Key, mark.Value, Ms(mark.Value));
        html.Append("</dl></div></div></section>");
    }

    public static void AppendPositions(StringBuilder html, RankingReport report)
    {
        var positions = report.Metrics.ClickThroughRateByPosition;
        var series = new[]
        {
            new SvgSeries("Impressions", positions.Select(p => (double)p.Impressions).ToList(), "bar-impressions"),
            new SvgSeries("Clicks", positions.Select(p => (double)p.Clicks).ToList(), "bar-clicks"),
        };
        var chart = new SvgBarChart("chart-positions", "Click-through by rank position",
            "Impressions and clicks at each rank position, position 1 first; the table gives the click-through rate.",
            "Rank position", "Count").Render(positions.Select(p => p.Position.ToString(CultureInfo.InvariantCulture)).ToList(), series);
        var table = new HtmlTable("Click-through by position", "Position", "Impressions", "Clicks", "Clicked impressions", "CTR",
            "Examination");
        var examination = report.Examination.ToDictionary(e => e.Position);
        foreach (var p in positions)
            table.Row(p.Position.ToString(CultureInfo.InvariantCulture), Number(p.Impressions), Number(p.Clicks), Number(p.ClickedImpressions),
                p.Impressions == 0 ? "–" : Percent(p.ClickThroughRate),
                examination.TryGetValue(p.Position, out var e)
                    ? Estimate(e.Examination, e.Note, "no estimate for this position")
                    : Estimate(null, null, report.Examination.Count == 0 ? NoModel : "no ranking in the model reached this position"));
        html.Append("<section id=\"positions\"><h2>Click-through by position</h2><div class=\"figure\">")
            .Append(chart).Append(table.Render()).Append("</div></section>");
    }

    public static void AppendOverTime(StringBuilder html, RankingReport report)
    {
        var format = report.BucketUnit switch
        {
            ReportTimeUnit.Hour => "MM-dd HH:00",
            ReportTimeUnit.Month => "yyyy-MM",
            ReportTimeUnit.Year => "yyyy",
            _ => "yyyy-MM-dd",
        };
        var series = new[]
        {
            new SvgSeries("Submissions", report.SubmissionsPerBucket, "line-submissions"),
            new SvgSeries("Clicks", report.ClicksPerBucket, "line-clicks"),
        };
        var unit = report.BucketUnit switch
        {
            ReportTimeUnit.Week => "week (from Monday)",
            ReportTimeUnit.Year when report.BucketWidth > 1 => $"{report.BucketWidth} years",
            _ => report.BucketUnit.ToString().ToLowerInvariant(),
        };
        var chart = new SvgTimeSeries("chart-time", "Submissions and clicks over time",
            $"Submissions and clicks per {unit} (UTC) over the period.", $"Time (UTC, per {unit})", "Count").Render(report.Buckets, format, series);
        var table = new HtmlTable($"Submissions and clicks per {unit} (UTC)", "Time", "Submissions", "Clicks");
        for (var i = 0; i < report.Buckets.Count; i++)
            table.Row(SvgTimeSeries.Stamp(report.Buckets[i], format), Number(report.SubmissionsPerBucket[i]), Number(report.ClicksPerBucket[i]));
        html.Append("<section id=\"over-time\"><h2>Over time</h2><div class=\"figure\">")
            .Append(chart).Append(table.Render()).Append("</div></section>");
    }

    public static void AppendTopSnippets(StringBuilder html, RankingReport report)
    {
        var suggestions = report.Suggestions.ToDictionary(s => s.SnippetId, StringComparer.Ordinal);
        var table = new HtmlTable("The ten most-clicked snippets", "Snippet", "Impressions", "Clicks", "Clicked impressions", "CTR",
            "Estimated relevance", "Suggested factor");
        foreach (var s in report.Metrics.TopSnippets)
            table.Row(s.SnippetId, s.Impressions is { } shown ? Number(shown) : ImpressionsUnknown, Number(s.Clicks),
                s.ClickedImpressions is { } clicked ? Number(clicked) : "unknown",
                s.ClickThroughRate is not { } rate ? "unknown" : s.Impressions == 0 ? "–" : Percent(rate),
                Estimate(report.EstimatedRelevance.TryGetValue(s.SnippetId, out var r) ? r : null,
                    // Pages of imported searches were shown, but which is unknown: not "never shown".
                    s.Impressions is null ? ImpressionsUnknown : report.RelevanceNotes.TryGetValue(s.SnippetId, out var note) ? note : null,
                    report.Examination.Count == 0 ? NoModel : "no ranking in the model showed it"),
                suggestions.TryGetValue(s.SnippetId, out var b) ? b.Factor.ToString("0.00", CultureInfo.InvariantCulture)
                    : Estimate(null, null, report.Examination.Count == 0 ? NoModel
                        : $"shown fewer than {Learning.BoostSuggestionCalculator.DefaultMinImpressions:N0} times"));
        html.Append("<section id=\"top-snippets\"><h2>Top snippets</h2>").Append(table.Render())
            .Append("<p class=\"meta\">Estimated relevance and suggested factors come from the position-bias-corrected click model ")
            .Append("(Get-SnippetBoostSuggestion); a dash means there is no estimate, and the reason is given in brackets after it.</p>");
        if (report.Metrics.Note is { } caveat) html.Append("<p class=\"meta\" id=\"expert-caveat\">").Append(Encode(caveat)).Append("</p>");
        html.Append("</section>");
    }

    private const string ImpressionsUnknown = "impressions unknown (imported search)";

    private const string NoModel = "no click in the period matched a ranking shown, so there is no click model";

    // A model value to three decimals (with its note, if any), or a dash and why there is none: every dash has a reason,
    // as the caption under the table promises.
    private static string Estimate(double? value, string? note, string missing)
    {
        if (value is not { } v) return $"– ({note ?? missing})";
        var figure = v.ToString("0.000", CultureInfo.InvariantCulture);
        return note is null ? figure : $"{figure} ({note})";
    }

    // One decimal: the log keeps whole milliseconds, so more would be noise from the average.
    private static string Ms(double? value) => value is { } v ? v.ToString("#,0.#", CultureInfo.InvariantCulture) + " ms" : "–";
}
