namespace CXoneRanking.Reporting;

/// <summary>One named series of a chart: its values by category, and the CSS class that colours it.</summary>
internal sealed class SvgSeries(string name, IReadOnlyList<double> values, string cssClass)
{
    public string Name { get; } = name;
    public IReadOnlyList<double> Values { get; } = values;
    public string CssClass { get; } = cssClass;
}
