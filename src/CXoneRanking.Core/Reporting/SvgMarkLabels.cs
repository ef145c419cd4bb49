using System.Text;
using static CXoneRanking.Reporting.SvgText;

namespace CXoneRanking.Reporting;

/// <summary>
/// The labels of a chart's vertical marks (p50, p95, p99), one row each, placed so that none runs
/// through another mark's line: close percentiles would otherwise print "p50 102 ms" across the p95
/// and p99 lines. A label goes right of its line, past any line it would cross, or, when that runs
/// past the chart's edge, left of its line in the same way; a short leader joins a label that moved
/// to its own line.
/// </summary>
internal static class SvgMarkLabels
{
    private const double Gap = 3;
    private const double Edge = 2;
    private const double RowHeight = 14;

    public static void Append(StringBuilder svg, IReadOnlyList<KeyValuePair<string, double>> labelsAt, double top, double chartWidth)
    {
        var lines = labelsAt.Select(l => l.Value).ToList();
        for (var row = 0; row < labelsAt.Count; row++)
        {
            var (text, at) = (labelsAt[row].Key, labelsAt[row].Value);
            var y = top + 12 + RowHeight * row;
            var (x, start) = Place(at, EstimatedWidth(text), lines, chartWidth);
            var near = start ? at + Gap : at - Gap;
            if (Math.Abs(x - near) > 0.5)
                svg.Append($"<line class=\"mark-leader\" x1=\"{Px(at)}\" y1=\"{Px(y - 4)}\" x2=\"{Px(start ? x - 1 : x + 1)}\" y2=\"{Px(y - 4)}\"/>");
            svg.Append(Label(x, y, text, start ? "start" : "end", "mark-label"));
        }
    }

    /// <summary>Where a label of <paramref name="width"/> for the line at <paramref name="at"/> starts (or ends), clear of the other lines.</summary>
    internal static (double X, bool Start) Place(double at, double width, IReadOnlyList<double> lines, double chartWidth)
    {
        var left = at + Gap;
        for (var moved = true; moved;)
        {
            moved = false;
            foreach (var line in lines.Where(l => l > left && l < left + width))
            {
                left = line + Gap;
                moved = true;
            }
        }
        if (left + width <= chartWidth - Edge) return (left, true);
        var right = at - Gap;
        for (var moved = true; moved;)
        {
            moved = false;
            foreach (var line in lines.Where(l => l < right && l > right - width))
            {
                right = line - Gap;
                moved = true;
            }
        }
        // No clear place on either side (marks packed across the whole chart): against the right edge, inside it.
        return right - width >= Edge ? (right, false) : (chartWidth - Edge, false);
    }
}
