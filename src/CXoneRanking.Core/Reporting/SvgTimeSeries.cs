using System.Globalization;
using System.Text;
using static CXoneRanking.Reporting.SvgText;

namespace CXoneRanking.Reporting;

/// <summary>
/// Counts per time bucket as lines with a dot per bucket, one line per series. Buckets are
/// evenly spaced in order; the caller fills empty buckets with zeros so gaps show as zero.
/// </summary>
internal sealed class SvgTimeSeries(string id, string title, string description, string xTitle, string yTitle)
{
    // Keeps the first and last labels (a full date is about 60 px wide) inside the chart.
    private const double Inset = 34;

    public string Render(IReadOnlyList<DateTimeOffset> buckets, string bucketFormat, IReadOnlyList<SvgSeries> series)
    {
        var axes = new SvgAxes(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max(), xTitle, yTitle);
        var svg = new StringBuilder(Open(id, title, description, SvgAxes.Width, SvgAxes.Height));
        axes.Write(svg);
        if (buckets.Count == 0) svg.Append(SvgAxes.NoData());
        double XOf(int i) => SvgAxes.Left
            + (buckets.Count == 1 ? SvgAxes.PlotWidth / 2 : Inset + i * (SvgAxes.PlotWidth - 2 * Inset) / (buckets.Count - 1));
        foreach (var s in series)
        {
            if (buckets.Count == 0) break;
            var points = Enumerable.Range(0, buckets.Count).Select(i => $"{Px(XOf(i))},{Px(axes.Y.Map(s.Values[i]))}");
            svg.Append($"<polyline class=\"{s.CssClass}\" fill=\"none\" points=\"{string.Join(" ", points)}\"/>");
            for (var i = 0; i < buckets.Count; i++)
                svg.Append($"<circle class=\"{s.CssClass}\" cx=\"{Px(XOf(i))}\" cy=\"{Px(axes.Y.Map(s.Values[i]))}\" r=\"3\">")
                   .Append($"<title>{Encode($"{Stamp(buckets[i], bucketFormat)}: {s.Name} {Number(s.Values[i])}")}</title></circle>");
        }
        // At most about eight labels, so they never overlap.
        var every = Math.Max(1, (int)Math.Ceiling(buckets.Count / 8.0));
        for (var i = 0; i < buckets.Count; i += every)
            svg.Append(EdgeSafeLabel(XOf(i), SvgAxes.Baseline + 16, Stamp(buckets[i], bucketFormat), SvgAxes.Width, "tick"));
        SvgBarChart.AppendLegend(svg, series);
        return svg.Append("</svg>").ToString();
    }

    internal static string Stamp(DateTimeOffset at, string format) => at.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
}
