using System.Globalization;

namespace CXoneRanking;

/// <summary>How numbers read in explanations and messages: invariant, at most four decimals.</summary>
internal static class ScoreFormat
{
    public static string Number(double value) =>
        value.ToString("0.0###", CultureInfo.InvariantCulture);

    public static string Raw(object? value) => value switch
    {
        null => "(none)",
        string s when s.Length == 0 => "(empty)",
        string s => "'" + s + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
