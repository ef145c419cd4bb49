using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace CXoneRanking.ReportCheck;

/// <summary>
/// Decodes the 8-bit RGB/RGBA, non-interlaced PNGs that Chromium's --screenshot writes, just far
/// enough to count colours: no image library is available on a bare Linux build machine.
/// </summary>
public static class PngPixels
{
    /// <summary>Pixel count per colour (0xRRGGBB).</summary>
    public static Dictionary<int, long> Histogram(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            if (type == "IHDR")
            {
                width = BigEndian(bytes, at + 8);
                height = BigEndian(bytes, at + 12);
                if (bytes[at + 16] != 8 || bytes[at + 20] != 0) throw new NotSupportedException("Only 8-bit, non-interlaced PNGs.");
                channels = bytes[at + 17] switch { 2 => 3, 6 => 4, var c => throw new NotSupportedException($"PNG colour type {c}.") };
            }
            else if (type == "IDAT") idat.Write(bytes, at + 8, length);
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        var data = inflated.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var row = new byte[stride];
        var histogram = new Dictionary<int, long>();
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            Array.Copy(data, y * (stride + 1) + 1, row, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? row[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                row[i] = (byte)(row[i] + filter switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, 4 => Paeth(a, b, c), _ => throw new InvalidDataException("Bad PNG filter.") });
            }
            for (var x = 0; x < width; x++)
            {
                var colour = (row[x * channels] << 16) | (row[x * channels + 1] << 8) | row[x * channels + 2];
                histogram[colour] = histogram.TryGetValue(colour, out var n) ? n + 1 : 1;
            }
            (previous, row) = (row, previous);
        }
        return histogram;
    }

    /// <summary>Pixels within <paramref name="tolerance"/> per channel of <paramref name="rgb"/>.</summary>
    public static long CountNear(Dictionary<int, long> histogram, int rgb, int tolerance = 4)
    {
        long count = 0;
        foreach (var pair in histogram)
            if (Math.Abs((pair.Key >> 16) - (rgb >> 16)) <= tolerance && Math.Abs(((pair.Key >> 8) & 255) - ((rgb >> 8) & 255)) <= tolerance
                && Math.Abs((pair.Key & 255) - (rgb & 255)) <= tolerance) count += pair.Value;
        return count;
    }

    private static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
