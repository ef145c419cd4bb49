using System.Globalization;
using System.Text;
using CXoneRanking.Experiments;
using static CXoneRanking.Reporting.SvgText;

namespace CXoneRanking.Reporting;

/// <summary>
/// One row per lift (an experiment's, or a proposal's estimate): the lift as a dot on its 95% interval, against a
/// line at zero, in percentage points on a symmetric axis. An interval clear of the zero line is a lift the data
/// supports; colours are presentation attributes so the shared style sheet is untouched.
/// </summary>
internal static class SvgIntervalChart
{
    private const double Width = 640, Left = 180, Right = 24, Top = 16, Row = 32, AxisSpace = 48;

    /// <summary>One row: a label, the lift with its interval (null: "not enough data"), whether it is clear of zero.</summary>
    public sealed record Interval(string Label, double? Lift, double Low, double High, bool Clear, string Tooltip, string DataAttributes);

    public static string Render(string id, IReadOnlyList<RankingExperimentResult> experiments) =>
        Render(id, "Click-through lift by experiment",
            "Treatment minus control click-through in percentage points, each with its 95% interval; the vertical line is no difference.",
            experiments.Select(e => e.ClickThrough is { } lift
                ? new Interval(e.Experiment, lift.Lift, lift.Low, lift.High, lift.IsSignificant, $"{e.Experiment}: {e.Verdict}",
                    $"data-experiment=\"{Encode(e.Experiment)}\" data-lift=\"{RoundTrip(lift.Lift)}\" data-low=\"{RoundTrip(lift.Low)}\" "
                        + $"data-high=\"{RoundTrip(lift.High)}\"")
                : new Interval(e.Experiment, null, 0, 0, false, e.Verdict, "")).ToList());

    public static string Render(string id, string title, string description, IReadOnlyList<Interval> rows)
    {
        var height = Top + Row * Math.Max(1, rows.Count) + AxisSpace;
        var widest = rows.Where(r => r.Lift is not null)
            .SelectMany(r => new[] { Math.Abs(r.Low), Math.Abs(r.High) }).DefaultIfEmpty(0).Max() * 100;
        var max = SvgScale.NiceMax(widest <= 0 || double.IsNaN(widest) ? 1 : widest, 2);
        double X(double lift) => Left + (Math.Max(-max, Math.Min(max, lift * 100)) + max) / (2 * max) * (Width - Left - Right);
        var svg = new StringBuilder(Open(id, title, description, Width, height));
        var baseline = Top + Row * Math.Max(1, rows.Count);
        foreach (var tick in new[] { -max, -max / 2, 0, max / 2, max })
        {
            var x = X(tick / 100);
            svg.Append($"<line class=\"{(tick == 0 ? "axis" : "grid")}\" x1=\"{Px(x)}\" y1=\"{Px(Top)}\" x2=\"{Px(x)}\" y2=\"{Px(baseline)}\"/>")
               .Append(EdgeSafeLabel(x, baseline + 16, tick.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture), Width, "tick"));
        }
        svg.Append(Label((Left + Width - Right) / 2, baseline + 38, "Click-through lift (percentage points)", cssClass: "axis-title"));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + Row * i + Row / 2;
            svg.Append(Label(Left - 8, y + 4, Shorten(row.Label), "end"));
            if (row.Lift is not { } lift)
            {
                svg.Append(Label(X(0) + 6, y + 4, "not enough data", "start", "no-data"));
                continue;
            }
            var colour = row.Clear ? (lift > 0 ? "#1f7a3d" : "#b3261e") : "#52606d";
            svg.Append($"<g {row.DataAttributes}>")
               .Append($"<title>{Encode(row.Tooltip)}</title>")
               .Append($"<line x1=\"{Px(X(row.Low))}\" y1=\"{Px(y)}\" x2=\"{Px(X(row.High))}\" y2=\"{Px(y)}\"")
               .Append($" stroke=\"{colour}\" stroke-width=\"3\"/>")
               .Append($"<circle cx=\"{Px(X(lift))}\" cy=\"{Px(y)}\" r=\"5\" fill=\"{colour}\"/></g>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string name) => name.Length <= 24 ? name : name.Substring(0, 23) + "…";
}
