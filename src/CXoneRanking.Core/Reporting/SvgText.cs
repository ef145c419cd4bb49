using System.Globalization;
using System.Text;

namespace CXoneRanking.Reporting;

/// <summary>
/// Formatting shared by the SVG and HTML writers: invariant numbers (a report made under de-DE
/// must not print 0,5) and encoding of every string that may come from the audit log, which
/// anyone who can write a snippet id controls.
/// </summary>
internal static class SvgText
{
    /// <summary>
    /// Escapes the five characters markup gives meaning to and nothing else, so a report is the
    /// same bytes on every runtime (.NET Framework's encoder also escapes some non-ASCII letters).
    /// </summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var encoded = new StringBuilder(text!.Length + 16);
        foreach (var c in text)
        {
            var entity = Entity(c);
            if (entity is null) encoded.Append(c);
            else encoded.Append(entity);
        }
        return encoded.ToString();
    }

    private static string? Entity(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => null,
    };

    /// <summary>A coordinate: two decimals are finer than a pixel.</summary>
    public static string Px(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An axis or table number: whole numbers plainly, others with up to three significant decimals.</summary>
    public static string Number(double value) =>
        Math.Abs(value - Math.Round(value)) < 1e-9 ? Math.Round(value).ToString("#,0", CultureInfo.InvariantCulture)
        : value.ToString("#,0.###", CultureInfo.InvariantCulture);

    public static string Percent(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>The exact value, for data-value attributes that tests and scripts read back.</summary>
    public static string RoundTrip(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The opening of an accessible chart: role, a title and a description tied to it by ids.</summary>
    public static string Open(string id, string title, string description, double width, double height) =>
        $"<svg id=\"{id}\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Px(width)} {Px(height)}\" "
        + $"width=\"{Px(width)}\" height=\"{Px(height)}\">"
        + $"<title id=\"{id}-title\">{Encode(title)}</title><desc id=\"{id}-desc\">{Encode(description)}</desc>";

    /// <summary>
    /// A generous width for <paramref name="text"/> at the charts' 11px tick font (0.65 em a character; digits and
    /// capitals of system-ui fonts are narrower), used to keep labels inside the SVG, which clips what lies outside.
    /// </summary>
    public static double EstimatedWidth(string text, double fontSize = 11) => text.Length * fontSize * 0.65;

    /// <summary>
    /// A label centred on <paramref name="x"/>, unless that would cross the chart's left or right edge: then it is
    /// aligned to end (or start) inside the edge, so "10,000" under the last tick is never cut off.
    /// </summary>
    public static string EdgeSafeLabel(double x, double y, string text, double chartWidth, string? cssClass = null)
    {
        const double margin = 2;
        var half = EstimatedWidth(text) / 2;
        if (x + half > chartWidth - margin) return Label(Math.Min(x + half, chartWidth - margin), y, text, "end", cssClass);
        if (x - half < margin) return Label(Math.Max(x - half, margin), y, text, "start", cssClass);
        return Label(x, y, text, "middle", cssClass);
    }

    public static string Label(double x, double y, string text, string anchor = "middle", string? cssClass = null, double rotate = 0) =>
        $"<text x=\"{Px(x)}\" y=\"{Px(y)}\" text-anchor=\"{anchor}\"" + (cssClass is null ? "" : $" class=\"{cssClass}\"")
        + (rotate == 0 ? "" : $" transform=\"rotate({Px(rotate)} {Px(x)} {Px(y)})\"") + $">{Encode(text)}</text>";
}
