using System.Text;
using static CXoneRanking.Reporting.SvgText;

namespace CXoneRanking.Reporting;

/// <summary>
/// A histogram of latencies in equal-width bins from 0 to the largest value, with vertical marks
/// at given values (p50, p95, p99). The marks are the metrics' own percentiles, passed in, not
/// recomputed here.
/// </summary>
internal sealed class SvgHistogram(string id, string title, string description, string xTitle, int binCount = 20)
{
    public IReadOnlyList<long> Bins(IReadOnlyList<long> values, out double binWidth)
    {
        var max = values.Count == 0 ? 0 : Math.Max(values.Max(), 0);
        binWidth = SvgScale.NiceMax(Math.Max(max, 1) + 1, binCount) / binCount;
        var bins = new long[binCount];
        foreach (var value in values)
            bins[(int)Math.Min(binCount - 1, Math.Max(0, value) / binWidth)]++;
        return bins;
    }

    public string Render(IReadOnlyList<long> values, IReadOnlyList<KeyValuePair<string, double?>> marks)
    {
        var bins = Bins(values, out var binWidth);
        var axes = new SvgAxes(bins.DefaultIfEmpty(0).Max(), xTitle, "Submissions");
        var x = new SvgScale(binWidth * binCount, SvgAxes.Left, SvgAxes.Left + SvgAxes.PlotWidth, 4);
        var svg = new StringBuilder(Open(id, title, description, SvgAxes.Width, SvgAxes.Height));
        axes.Write(svg);
        if (values.Count == 0) svg.Append(SvgAxes.NoData());
        for (var i = 0; i < binCount && values.Count > 0; i++)
        {
            var top = axes.Y.Map(bins[i]);
            var left = SvgAxes.Left + i * SvgAxes.PlotWidth / binCount;
            svg.Append($"<rect class=\"bar-latency\" x=\"{Px(left + 1)}\" y=\"{Px(top)}\" ")
               .Append($"width=\"{Px(SvgAxes.PlotWidth / binCount - 2)}\" height=\"{Px(SvgAxes.Baseline - top)}\">")
               .Append($"<title>{Encode($"{Number(i * binWidth)} to {Number((i + 1) * binWidth)} ms: {bins[i]}")}</title></rect>");
        }
        foreach (var tick in x.TickValues())
            svg.Append(EdgeSafeLabel(x.Map(tick), SvgAxes.Baseline + 16, Number(tick), SvgAxes.Width, "tick"));
        var labels = new List<KeyValuePair<string, double>>();
        foreach (var mark in marks)
        {
            if (mark.Value is not { } value) continue;
            var px = x.Map(value);
            svg.Append($"<line class=\"mark\" x1=\"{Px(px)}\" y1=\"{Px(SvgAxes.Top)}\" x2=\"{Px(px)}\" y2=\"{Px(SvgAxes.Baseline)}\"/>");
            labels.Add(new($"{mark.Key} {Number(value)} ms", px));
        }
        SvgMarkLabels.Append(svg, labels, SvgAxes.Top, SvgAxes.Width);
        return svg.Append("</svg>").ToString();
    }
}
