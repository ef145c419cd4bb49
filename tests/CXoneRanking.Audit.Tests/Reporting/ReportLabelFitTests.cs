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

    [Theory]
    [InlineData(100.0, 104.0, 122.0)]        // close together at the left: p50's label used to run through the p95 and p99 lines
    [InlineData(9_900.0, 9_950.0, 9_990.0)]  // close together at the right edge, where labels go left of their lines
    [InlineData(5_000.0, 5_000.0, 5_001.0)]  // equal percentiles
    [InlineData(120.0, 1_800.0, 9_990.0)]
    public void Percentile_labels_overlap_neither_each_other_nor_another_marks_line(double p50, double p95, double p99)
    {
        KeyValuePair<string, double?>[] marks = [new("p50", p50), new("p95", p95), new("p99", p99)];
        // The axis ends just past p99, as it does when p99 is near the slowest submission.
        var svg = Markup.Parse(new SvgHistogram("h", "T", "D", "Latency (ms)").Render([(long)p50, (long)p99], marks));
        var lines = svg.All("line").Where(l => (string?)l.Attribute("class") == "mark")
            .Select(l => double.Parse((string)l.Attribute("x1")!, CultureInfo.InvariantCulture)).ToList();
        var labels = svg.All("text").Where(t => (string?)t.Attribute("class") == "mark-label").ToList();
        Assert.Equal(3, labels.Count);
        var boxes = labels.Select(l => (Extent: Extent(l), Y: double.Parse((string)l.Attribute("y")!, CultureInfo.InvariantCulture))).ToList();
        for (var i = 0; i < boxes.Count; i++)
        {
            var ((left, right), y) = boxes[i];
            Assert.True(left >= 0 && right <= SvgAxes.Width, $"'{labels[i].Value}' spans {left:0} to {right:0}");
            for (var j = 0; j < lines.Count; j++)
            {
                if (j != i && lines[j] != lines[i])
                    Assert.False(lines[j] > left && lines[j] < right, $"'{labels[i].Value}' ({left:0}-{right:0}) crosses the line at {lines[j]:0}");
            }
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var ((otherLeft, otherRight), otherY) = boxes[j];
                var sameBand = Math.Abs(y - otherY) < 13;   // 11px text: about 13px from top to bottom
                Assert.False(sameBand && left < otherRight && otherLeft < right, $"'{labels[i].Value}' overlaps '{labels[j].Value}'");
            }
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
