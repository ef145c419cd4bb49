using System.Text;
using static CXoneRanking.Reporting.SvgText;

namespace CXoneRanking.Reporting;

/// <summary>
/// Writes a <see cref="RankingReport"/> as one self-contained HTML file: inline CSS and SVG, no
/// script, no external resource. The markup is also well-formed XML (closed empty elements,
/// numeric entities only), so tests can parse it. Every figure is read from the report's
/// <see cref="RankingMetrics"/> and carries its exact value in data-value for scripts and tests.
/// </summary>
public static class HtmlReportWriter
{
    public static string Render(RankingReport report)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
            .Append($"<title>{Encode(report.Title)}</title><style>{HtmlReportStyle.Css}</style></head><body>")
            .Append($"<header><h1>{Encode(report.Title)}</h1><p class=\"meta\">Period: <span id=\"period\">{Encode(Period(report))}</span>. ")
            .Append($"Generated {Encode(Stamp(report.GeneratedAt))} by CXoneRanking {Encode(ModuleInfo.Version)}.</p></header><main>");
        AppendChain(html, report.Verification);
        AppendSummary(html, report);
        HtmlReportSections.AppendLatency(html, report);
        HtmlReportSections.AppendPositions(html, report);
        HtmlReportSections.AppendOverTime(html, report);
        HtmlReportSections.AppendTopSnippets(html, report);
        HtmlExperimentSection.Append(html, report);
        HtmlWhatIfSection.Append(html, report);
        html.Append("</main><footer>Figures as Get-RankingMetrics computes them for the same filters; definitions in docs/audit-log.md.")
            .Append("</footer></body></html>\n");
        return html.ToString();
    }

    /// <summary>Writes next to the final name, then moves into place, so a mail client or browser never opens half a report.</summary>
    public static void WriteFile(string path, RankingReport report)
    {
        var full = System.IO.Path.GetFullPath(path);
        var name = "." + System.IO.Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var folder = System.IO.Path.GetDirectoryName(full)!;
        // Named here: otherwise the error would name the temporary file, which the caller never asked for.
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Cannot write '{full}': the folder '{folder}' does not exist.");
        var temporary = System.IO.Path.Combine(folder, name);
        try
        {
            File.WriteAllText(temporary, Render(report), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            if (File.Exists(full)) File.Replace(temporary, full, destinationBackupFileName: null);
            else File.Move(temporary, full);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static void AppendChain(StringBuilder html, AuditVerificationResult? chain)
    {
        if (chain is null)
            html.Append("<section id=\"chain\" class=\"chain unknown\" data-chain=\"unknown\"><strong>Audit chain not verified.</strong></section>");
        else if (chain.IsValid)
            html.Append("<section id=\"chain\" class=\"chain valid\" data-chain=\"valid\">")
                .Append($"<strong>Audit chain verified:</strong> {Encode(chain.ToString())}. ")
                .Append(chain.StartsAtGenesis
                    ? "The log is complete from its first entry."
                    : "The oldest entries were removed by retention (anchored).")
                .Append("</section>");
        else
            // role=alert so a screen reader announces it first; the whole log is verified, since a
            // chain cannot be checked for a period without the entries before it.
            html.Append("<section id=\"chain\" class=\"chain broken\" data-chain=\"broken\" role=\"alert\"><strong>AUDIT CHAIN BROKEN.</strong> ")
                .Append($"The log was altered: {Encode(System.IO.Path.GetFileName(chain.FailedFile))} line {chain.FailedLine}: ")
                .Append($"{Encode(chain.Reason)}. ")
                .Append("The figures below come from entries that can no longer be trusted.</section>");
    }

    private static void AppendSummary(StringBuilder html, RankingReport report)
    {
        var m = report.Metrics;
        html.Append("<section id=\"summary\"><h2>Summary</h2><dl class=\"summary\">");
        Figure(html, "submissions", "Submissions", m.Submissions, Number(m.Submissions));
        Figure(html, "succeeded", "Succeeded", m.Succeeded, Number(m.Succeeded));
        Figure(html, "failed", "Failed", m.Failed, Number(m.Failed));
        Figure(html, "cancelled", "of which cancelled", m.Cancelled, Number(m.Cancelled));
        // Sent, but the outcome never reached the log: neither a success nor a failure.
        if (m.OutcomeUnknown > 0) Figure(html, "outcome-unknown", "Outcome unknown", m.OutcomeUnknown, Number(m.OutcomeUnknown));
        // Not sent by -SkipUnchanged: the server already had the ranking. Not a submission.
        if (m.Unchanged > 0) Figure(html, "unchanged", "Unchanged (not sent)", m.Unchanged, Number(m.Unchanged));
        // Invalid, held back or unrecordable rankings: never sent, so neither a submission nor a failure.
        if (m.NotSent > 0) Figure(html, "not-sent", "Not sent (invalid, held back or unrecorded)", m.NotSent, Number(m.NotSent));
        Figure(html, "impressions", "Impressions", m.Impressions, Number(m.Impressions));
        if (m.ImportedSearches > 0) Figure(html, "imported-searches", "Imported Expert searches", m.ImportedSearches, Number(m.ImportedSearches));
        Figure(html, "clicks", "Clicks", m.Clicks, Number(m.Clicks));
        Figure(html, "clicked-impressions", "Clicked impressions", m.ClickedImpressions, Number(m.ClickedImpressions));
        // Recorded, but no ranking in the period showed their session: they raise no rate.
        if (m.ClicksWithoutRanking > 0)
            Figure(html, "clicks-without-ranking", "Clicks without a ranking", m.ClicksWithoutRanking, Number(m.ClicksWithoutRanking));
        // On a snippet the ranking in force never showed, or past its end: recorded, in no rate.
        if (m.ClicksNotShown > 0) Figure(html, "clicks-not-shown", "Clicks on a snippet not shown", m.ClicksNotShown, Number(m.ClicksNotShown));
        Figure(html, "ctr", "Click-through rate", m.ClickThroughRate, m.Impressions == 0 ? "–" : Percent(m.ClickThroughRate));
        Figure(html, "mrr", "Mean reciprocal rank", m.MeanReciprocalRank,
            m.MeanReciprocalRank.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
        html.Append("</dl>");
        var causes = new HtmlTable("Failed submissions by cause", "Cause", "Submissions");
        foreach (var cause in report.FailuresByCause) causes.Row(cause.Key, Number(cause.Value));
        html.Append(causes.Render()).Append("</section>");
    }

    internal static void Figure(StringBuilder html, string key, string label, double? value, string shown) =>
        html.Append($"<div><dt>{Encode(label)}</dt><dd data-metric=\"{key}\" data-value=\"{(value is { } v ? RoundTrip(v) : "")}\">")
            .Append($"{Encode(shown)}</dd></div>");

    internal static string Stamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Period(RankingReport report)
    {
        var m = report.Metrics;
        var from = m.Since is { } since ? Stamp(since) : m.FirstEntry is { } first ? $"{Stamp(first)} (first entry)" : "the beginning";
        var to = m.Until is { } until ? $"{Stamp(until)} (exclusive)" : m.LastEntry is { } last ? $"{Stamp(last)} (last entry)" : "now";
        var sessions = report.Filter.SessionIds is { } ids && ids.Any()
            ? $"; sessions {string.Join(", ", ids.OrderBy(i => i, StringComparer.Ordinal))}"
            : "";
        return $"{from} to {to}{sessions}";
    }
}
