namespace CXoneRanking.Audit.Tests;

/// <summary>Byte-level line handling for tests that damage log files below the level of text.</summary>
internal static class ByteSplitting
{
    /// <summary>Splits on a separator byte, keeping empty pieces (like string.Split).</summary>
    public static List<byte[]> Split(this byte[] bytes, byte separator)
    {
        var pieces = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != separator) continue;
            pieces.Add(bytes[start..i]);
            start = i + 1;
        }
        return pieces;
    }
}
