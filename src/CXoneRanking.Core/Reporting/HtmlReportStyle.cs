namespace CXoneRanking.Reporting;

/// <summary>
/// The report's only stylesheet, inlined: the file must render offline and from a mail
/// attachment, so no web fonts or links. Colours are kept for print (charts would be blank
/// without them) and sections do not split across pages.
/// </summary>
internal static class HtmlReportStyle
{
    public const string Css = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d2733;
          background: #fff; margin: 2rem auto; max-width: 1180px; padding: 0 1rem; line-height: 1.4; }
        h1 { font-size: 1.7rem; margin-bottom: .2rem; }
        h2 { font-size: 1.25rem; border-bottom: 2px solid #d6dde6; padding-bottom: .2rem; margin-top: 2rem; }
        .meta { color: #52606d; margin-top: 0; }
        .chain { padding: .8rem 1rem; border-radius: 6px; margin: 1rem 0; border: 2px solid; }
        .chain.valid { background: #eaf6ec; border-color: #3c8d4f; }
        .chain.broken { background: #fde8e6; border-color: #c0392b; color: #7b1d13; font-size: 1.15rem; }
        .chain.unknown { background: #f4f4f4; border-color: #999; }
        dl.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: .6rem; }
        dl.summary div { border: 1px solid #d6dde6; border-radius: 6px; padding: .5rem .7rem; }
        dl.summary dt { font-size: .8rem; color: #52606d; text-transform: uppercase; letter-spacing: .03em; }
        dl.summary dd { margin: 0; font-size: 1.35rem; font-weight: 600; }
        .figure { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
        svg.chart { max-width: 100%; height: auto; border: 1px solid #e3e8ee; background: #fff; }
        svg .grid { stroke: #e3e8ee; stroke-width: 1; }
        svg .axis { stroke: #52606d; stroke-width: 1.2; }
        svg text { font-size: 11px; fill: #1d2733; }
        svg .axis-title { font-size: 12px; font-weight: 600; }
        svg .no-data { font-size: 14px; fill: #7b8794; }
        svg .bar-impressions { fill: #9db7d5; stroke: #9db7d5; }
        svg .bar-clicks { fill: #1f5fa8; stroke: #1f5fa8; }
        svg .bar-latency { fill: #4a7fb5; }
        svg .mark { stroke: #c0392b; stroke-width: 2; stroke-dasharray: 5 3; }
        svg .mark-label { fill: #c0392b; font-weight: 600; }
        svg .mark-leader { stroke: #c0392b; stroke-width: 1; }
        svg polyline.line-submissions { stroke: #1f5fa8; stroke-width: 2; }
        svg polyline.line-clicks { stroke: #d9822b; stroke-width: 2; }
        svg circle.line-submissions, svg rect.line-submissions { fill: #1f5fa8; }
        svg circle.line-clicks, svg rect.line-clicks { fill: #d9822b; }
        table.data { border-collapse: collapse; font-size: .9rem; }
        table.data caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
        table.data th, table.data td { border: 1px solid #d6dde6; padding: .25rem .6rem; }
        table.data td.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.data th { background: #f0f4f8; text-align: left; }
        footer { margin-top: 2rem; color: #7b8794; font-size: .8rem; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          section, .figure, table, svg { break-inside: avoid; page-break-inside: avoid; }
          h2 { break-after: avoid; }
        }
        """;
}
