using System.Globalization;
using CXoneRanking.Audit.Tests.Learning;
using CXoneRanking.Reporting;

namespace CXoneRanking.Audit.Tests.Reporting;

/// <summary>
/// Texts of a chart stay inside its box (the SVG clips whatever lies outside), judged by the same
/// generous width estimate the writer uses; tests/ReportCheck checks the real rendering in Chromium.
/// And every dash in a report's tables says why there is no figure, as the caption promises.
/// </summary>
public sealed class ReportLabelFitTests
{
    private static readonly KeyValuePair<string, double?>[] Marks =
        [new("p50", 120), new("p95", 1800), new("p99", 9990)];

    [Theory]
    [InlineData(9_990L)]     // the axis ends at 10,000: the widest tick label at the right edge
    [InlineData(123_456L)]
    [InlineData(7L)]
    public void Histogram_labels_lie_inside_the_chart(long slowest)
    {
        var svg = Markup.Parse(new SvgHistogram("h", "T", "D", "Latency (ms)").Render([100, 150, 2000, slowest], Marks));
        // The rotated y-axis title is measured along its own axis; Chromium checks it in tests/ReportCheck.
        foreach (var text in svg.All("text").Where(t => t.Attribute("transform") is null))
        {
            var (left, right) = Extent(text);
            Assert.True(left >= 0 && right <= SvgAxes.Width, $"'{text.Value}' spans {left:0} to {right:0} of 0 to {SvgAxes.Width}");
        }
    }

    [Fact]
    public void Time_axis_labels_lie_inside_the_chart()
    {
        var buckets = Enumerable.Range(0, 30).Select(h => new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero).AddHours(h)).ToList();
        var svg = Markup.Parse(new SvgTimeSeries("t", "T", "D", "X", "Y")
            .Render(buckets, "MM-dd HH:00", [new SvgSeries("Clicks", buckets.Select(_ => 1.0).ToList(), "line-clicks")]));
        foreach (var text in svg.All("text").Where(t => (string?)t.Attribute("class") == "tick"))
        {
            var (left, right) = Extent(text);
            Assert.True(left >= 0 && right <= SvgAxes.Width, $"'{text.Value}' spans {left:0} to {right:0}");
        }
    }

    [Fact]
    public void Every_dash_in_the_tables_gives_its_reason()
    {
        // The field log has snippets the model cannot estimate, and every one is shown fewer times than a suggestion needs.
        var html = HtmlReportWriter.Render(RankingReportBuilder.Collect(SmallClickLog.FixedOrderReproduction().Entries));
        var cells = Markup.Parse(html).All("td").Select(td => td.Value).Where(v => v.StartsWith("–", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, cell => Assert.Matches(@"^– \(.+\)$", cell));
        Assert.Contains("a dash means there is no estimate, and the reason is given in brackets after it", html);
    }

    private static (double Left, double Right) Extent(System.Xml.Linq.XElement text)
    {
        var x = double.Parse((string)text.Attribute("x")!, CultureInfo.InvariantCulture);
        var width = SvgText.EstimatedWidth(text.Value);
        return (string?)text.Attribute("text-anchor") switch
        {
            "start" => (x, x + width),
            "end" => (x - width, x),
            _ => (x - width / 2, x + width / 2),
        };
    }
}
