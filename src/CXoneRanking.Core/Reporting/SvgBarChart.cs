using System.Text;
using static CXoneRanking.Reporting.SvgText;

namespace CXoneRanking.Reporting;

/// <summary>
/// Grouped vertical bars: one group per category (a rank position), one bar per series
/// (impressions, clicks), with a legend. Each bar carries its own &lt;title&gt; so hovering or a
/// screen reader gives the exact figure.
/// </summary>
internal sealed class SvgBarChart
{
    public SvgBarChart(string id, string title, string description, string xTitle, string yTitle)
        => (Id, Title, Description, XTitle, YTitle) = (id, title, description, xTitle, yTitle);

    public string Id { get; }
    public string Title { get; }
    public string Description { get; }
    public string XTitle { get; }
    public string YTitle { get; }

    public string Render(IReadOnlyList<string> categories, IReadOnlyList<SvgSeries> series)
    {
        var max = series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
        var axes = new SvgAxes(max, XTitle, YTitle);
        var svg = new StringBuilder(Open(Id, Title, Description, SvgAxes.Width, SvgAxes.Height));
        axes.Write(svg);
        if (categories.Count == 0 || series.Count == 0) svg.Append(SvgAxes.NoData());
        else
        {
            var group = SvgAxes.PlotWidth / categories.Count;
            var bar = group * 0.8 / series.Count;
            for (var c = 0; c < categories.Count; c++)
            {
                var x0 = SvgAxes.Left + c * group + group * 0.1;
                for (var s = 0; s < series.Count; s++)
                {
                    var value = c < series[s].Values.Count ? series[s].Values[c] : 0;
                    var top = axes.Y.Map(value);
                    svg.Append($"<rect class=\"{series[s].CssClass}\" x=\"{Px(x0 + s * bar)}\" y=\"{Px(top)}\" width=\"{Px(bar)}\" ")
                       .Append($"height=\"{Px(SvgAxes.Baseline - top)}\">")
                       .Append($"<title>{Encode($"{categories[c]}: {series[s].Name} {Number(value)}")}</title></rect>");
                }
                svg.Append(EdgeSafeLabel(x0 + group * 0.4, SvgAxes.Baseline + 16, categories[c], SvgAxes.Width, "tick"));
            }
        }
        AppendLegend(svg, series);
        return svg.Append("</svg>").ToString();
    }

    internal static void AppendLegend(StringBuilder svg, IReadOnlyList<SvgSeries> series)
    {
        var x = SvgAxes.Width - SvgAxes.Right - 150 * series.Count;
        foreach (var s in series)
        {
            svg.Append($"<rect class=\"{s.CssClass}\" x=\"{Px(x)}\" y=\"2\" width=\"10\" height=\"10\"/>");
            svg.Append(Label(x + 14, 11, s.Name, "start", "legend"));
            x += 150;
        }
    }
}
