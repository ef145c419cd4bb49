namespace CXoneRanking.Reporting;

/// <summary>
/// A linear map from data values [0, max] onto pixels, with a "nice" rounded maximum (1, 2, 2.5
/// or 5 times a power of ten) so the axis ticks read as round numbers.
/// </summary>
internal sealed class SvgScale
{
    public SvgScale(double dataMax, double pixelStart, double pixelEnd, int ticks = 5)
    {
        // An all-zero or empty series still gets an axis from 0 to 1 rather than a division by zero.
        Max = NiceMax(double.IsNaN(dataMax) || dataMax <= 0 ? 1 : dataMax, ticks);
        PixelStart = pixelStart;
        PixelEnd = pixelEnd;
        Ticks = ticks;
    }

    public double Max { get; }
    public double PixelStart { get; }
    public double PixelEnd { get; }
    public int Ticks { get; }

    /// <summary>The pixel of <paramref name="value"/>, clamped into the axis so a stray value cannot leave the chart.</summary>
    public double Map(double value)
    {
        var ratio = Math.Max(0, Math.Min(1, value / Max));
        return PixelStart + ratio * (PixelEnd - PixelStart);
    }

    /// <summary>The tick values from 0 to <see cref="Max"/>.</summary>
    public IEnumerable<double> TickValues() => Enumerable.Range(0, Ticks + 1).Select(i => Max * i / Ticks);

    internal static double NiceMax(double value, int ticks)
    {
        var step = value / ticks;
        var power = Math.Pow(10, Math.Floor(Math.Log10(step)));
        foreach (var multiple in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
            if (multiple * power >= step) return multiple * power * ticks;
        return 10 * power * ticks;
    }
}
