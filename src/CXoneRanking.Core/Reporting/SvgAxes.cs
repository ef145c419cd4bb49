using System.Text;
using static CXoneRanking.Reporting.SvgText;

namespace CXoneRanking.Reporting;

/// <summary>
/// The plot area every chart shares: margins, a y axis with gridlines at the scale's ticks, an
/// x axis line, and the two axis titles (screen readers get the same from the desc and the table).
/// </summary>
internal sealed class SvgAxes
{
    public const double Width = 640, Height = 280;
    public const double Left = 64, Right = 16, Top = 16, Bottom = 56;

    public SvgAxes(double yMax, string xTitle, string yTitle)
    {
        Y = new SvgScale(yMax, Height - Bottom, Top);
        XTitle = xTitle;
        YTitle = yTitle;
    }

    public SvgScale Y { get; }
    public string XTitle { get; }
    public string YTitle { get; }
    public static double PlotWidth => Width - Left - Right;
    public static double Baseline => Height - Bottom;

    public void Write(StringBuilder svg)
    {
        svg.Append("<g class=\"axes\">");
        foreach (var tick in Y.TickValues())
        {
            var y = Y.Map(tick);
            svg.Append($"<line class=\"grid\" x1=\"{Px(Left)}\" y1=\"{Px(y)}\" x2=\"{Px(Width - Right)}\" y2=\"{Px(y)}\"/>");
            svg.Append(Label(Left - 6, y + 4, Number(tick), "end", "tick"));
        }
        svg.Append($"<line class=\"axis\" x1=\"{Px(Left)}\" y1=\"{Px(Baseline)}\" x2=\"{Px(Width - Right)}\" y2=\"{Px(Baseline)}\"/>");
        svg.Append($"<line class=\"axis\" x1=\"{Px(Left)}\" y1=\"{Px(Top)}\" x2=\"{Px(Left)}\" y2=\"{Px(Baseline)}\"/>");
        svg.Append(Label(Left + PlotWidth / 2, Height - 8, XTitle, cssClass: "axis-title"));
        svg.Append(Label(16, Top + (Baseline - Top) / 2, YTitle, cssClass: "axis-title", rotate: -90));
        svg.Append("</g>");
    }

    /// <summary>A note in the middle of an empty chart, so an empty period reads as empty, not as broken.</summary>
    public static string NoData() => Label(Left + PlotWidth / 2, Top + (Baseline - Top) / 2, "No data in this period", cssClass: "no-data");
}
