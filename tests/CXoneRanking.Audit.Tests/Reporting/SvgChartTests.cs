using CXoneRanking.Reporting;

namespace CXoneRanking.Audit.Tests.Reporting;

public sealed class SvgChartTests
{
    private const string Hostile = "<script>alert('x')</script>&\"KB\"";

    [Theory]
    [InlineData(0, 1)]          // nothing to show: still an axis, 0 to 1
    [InlineData(7, 10)]
    [InlineData(212, 250)]
    [InlineData(1000, 1000)]
    [InlineData(1001, 1250)]
    [InlineData(0.3, 0.5)]
    public void Scale_rounds_the_maximum_up_to_a_nice_number(double data, double expected) =>
        Assert.Equal(expected, new SvgScale(data, 100, 0).Max, 9);

    [Fact]
    public void Scale_maps_zero_and_max_to_the_ends_and_clamps_outside_values()
    {
        var scale = new SvgScale(10, 200, 0);
        Assert.Equal(200, scale.Map(0));
        Assert.Equal(0, scale.Map(10));
        Assert.Equal(100, scale.Map(5));
        Assert.Equal(200, scale.Map(-3));
        Assert.Equal(0, scale.Map(1e9));
        Assert.Equal([0, 2, 4, 6, 8, 10], scale.TickValues());
    }

    [Fact]
    public void Bar_chart_is_accessible_and_draws_one_bar_per_value()
    {
        var svg = Markup.Parse(new SvgBarChart("c", "Title", "Desc", "X", "Y").Render(
            ["1", "2"], [new SvgSeries("Impressions", [10, 8], "bar-impressions"), new SvgSeries("Clicks", [3, 1], "bar-clicks")]));
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("c-title c-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Title", svg.Elements("title").Single().Value);
        Assert.Equal("Desc", svg.Elements("desc").Single().Value);
        var bars = svg.All("rect").Where(r => r.Element("title") is not null).ToList();
        Assert.Equal(4, bars.Count);
        // Taller value, taller bar; a bar never reaches below the baseline.
        var heights = bars.Select(b => double.Parse((string)b.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(heights[0] > heights[2] && heights[2] > heights[3] && heights.All(h => h >= 0));
    }

    [Fact]
    public void Empty_charts_say_so_and_stay_well_formed()
    {
        var bar = Markup.Parse(new SvgBarChart("b", "T", "D", "X", "Y").Render([], []));
        var histogram = Markup.Parse(new SvgHistogram("h", "T", "D", "X").Render([], [new("p50", null)]));
        var time = Markup.Parse(new SvgTimeSeries("t", "T", "D", "X", "Y").Render([], "yyyy-MM-dd", [new SvgSeries("S", [], "line-submissions")]));
        foreach (var svg in new[] { bar, histogram, time })
            Assert.Contains(svg.All("text"), t => t.Value == "No data in this period");
        Assert.DoesNotContain(histogram.All("line"), l => (string?)l.Attribute("class") == "mark");
    }

    [Fact]
    public void Hostile_strings_are_text_never_markup()
    {
        var markup = new SvgBarChart("c", Hostile, Hostile, Hostile, Hostile).Render([Hostile], [new SvgSeries(Hostile, [1], "bar-clicks")]);
        Assert.DoesNotContain("<script", markup, StringComparison.OrdinalIgnoreCase);
        var svg = Markup.Parse(markup);
        Assert.Empty(svg.All("script"));
        Assert.Equal(Hostile, svg.Elements("title").Single().Value);
        Assert.Contains(svg.All("text"), t => t.Value == Hostile);
    }

    [Fact]
    public void Histogram_puts_every_value_in_a_bin_and_marks_the_given_percentiles()
    {
        long[] values = [0, 5, 50, 99, 100, 1500];
        var histogram = new SvgHistogram("h", "T", "D", "ms", binCount: 10);
        var bins = histogram.Bins(values, out var width);
        Assert.Equal(values.Length, bins.Sum());
        Assert.True(width * 10 > 1500);
        var svg = Markup.Parse(histogram.Render(values, [new("p50", 50), new("p99", 1500)]));
        Assert.Equal(2, svg.All("line").Count(l => (string?)l.Attribute("class") == "mark"));
        Assert.Contains(svg.All("text"), t => t.Value == "p99 1,500 ms");
    }

    [Fact]
    public void Time_series_draws_a_point_per_bucket_and_series()
    {
        var buckets = Enumerable.Range(0, 3).Select(d => new DateTimeOffset(2026, 11, 20 + d, 0, 0, 0, TimeSpan.Zero)).ToList();
        var svg = Markup.Parse(new SvgTimeSeries("t", "T", "D", "X", "Y").Render(buckets, "yyyy-MM-dd",
            [new SvgSeries("Submissions", [1, 0, 4], "line-submissions"), new SvgSeries("Clicks", [0, 0, 2], "line-clicks")]));
        Assert.Equal(2, svg.All("polyline").Count());
        Assert.Equal(6, svg.All("circle").Count());
        Assert.Contains(svg.All("text"), t => t.Value == "2026-11-22");
    }
}
