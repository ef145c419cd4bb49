using System.Globalization;
using System.Text;
using CXoneRanking.Experiments;
using static CXoneRanking.Reporting.SvgText;

namespace CXoneRanking.Reporting;

/// <summary>
/// One row per experiment: the click-through lift as a dot on its 95% interval, against a line at
/// zero, in percentage points on a symmetric axis. An interval clear of the zero line is a lift
/// the data supports; colours are presentation attributes so the shared style sheet is untouched.
/// </summary>
internal static class SvgIntervalChart
{
    private const double Width = 640, Left = 180, Right = 24, Top = 16, Row = 32, AxisSpace = 48;

    public static string Render(string id, IReadOnlyList<RankingExperimentResult> experiments)
    {
        var height = Top + Row * Math.Max(1, experiments.Count) + AxisSpace;
        var widest = experiments.Select(e => e.ClickThrough).Where(c => c is not null)
            .SelectMany(c => new[] { Math.Abs(c!.Low), Math.Abs(c.High) }).DefaultIfEmpty(0).Max() * 100;
        var max = SvgScale.NiceMax(widest <= 0 || double.IsNaN(widest) ? 1 : widest, 2);
        double X(double lift) => Left + (Math.Max(-max, Math.Min(max, lift * 100)) + max) / (2 * max) * (Width - Left - Right);
        var svg = new StringBuilder(Open(id, "Click-through lift by experiment",
            "Treatment minus control click-through in percentage points, each with its 95% interval; the vertical line is no difference.",
            Width, height));
        var baseline = Top + Row * Math.Max(1, experiments.Count);
        foreach (var tick in new[] { -max, -max / 2, 0, max / 2, max })
        {
            var x = X(tick / 100);
            svg.Append($"<line class=\"{(tick == 0 ? "axis" : "grid")}\" x1=\"{Px(x)}\" y1=\"{Px(Top)}\" x2=\"{Px(x)}\" y2=\"{Px(baseline)}\"/>")
               .Append(EdgeSafeLabel(x, baseline + 16, tick.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture), Width, "tick"));
        }
        svg.Append(Label((Left + Width - Right) / 2, baseline + 38, "Click-through lift (percentage points)", cssClass: "axis-title"));
        for (var i = 0; i < experiments.Count; i++)
        {
            var e = experiments[i];
            var y = Top + Row * i + Row / 2;
            svg.Append(Label(Left - 8, y + 4, Shorten(e.Experiment), "end"));
            if (e.ClickThrough is not { } lift)
            {
                svg.Append(Label(X(0) + 6, y + 4, "not enough data", "start", "no-data"));
                continue;
            }
            var colour = lift.IsSignificant ? (lift.Lift > 0 ? "#1f7a3d" : "#b3261e") : "#52606d";
            svg.Append($"<g data-experiment=\"{Encode(e.Experiment)}\" data-lift=\"{RoundTrip(lift.Lift)}\"")
               .Append($" data-low=\"{RoundTrip(lift.Low)}\" data-high=\"{RoundTrip(lift.High)}\">")
               .Append($"<title>{Encode($"{e.Experiment}: {e.Verdict}")}</title>")
               .Append($"<line x1=\"{Px(X(lift.Low))}\" y1=\"{Px(y)}\" x2=\"{Px(X(lift.High))}\" y2=\"{Px(y)}\"")
               .Append($" stroke=\"{colour}\" stroke-width=\"3\"/>")
               .Append($"<circle cx=\"{Px(X(lift.Lift))}\" cy=\"{Px(y)}\" r=\"5\" fill=\"{colour}\"/></g>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string name) => name.Length <= 24 ? name : name.Substring(0, 23) + "…";
}
