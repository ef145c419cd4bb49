using System.Globalization;

namespace CXoneRanking.Ranking;

/// <summary>
/// Reads a number from whatever a pipeline carries: a CSV string (always invariant culture, so
/// "0,5" is refused rather than silently read as 5 under de-DE), or any boxed numeric type.
/// </summary>
internal static class InvariantNumber
{
    private const NumberStyles Styles =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite |
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>True with a finite value, or false with what is wrong with the input.</summary>
    public static bool TryRead(object? value, out double number, out string problem)
    {
        problem = string.Empty;
        switch (value)
        {
            case null:
            case string s when s.Trim().Length == 0:
                number = double.NaN;
                problem = "is empty";
                return false;
            case string s:
                if (!double.TryParse(s, Styles, CultureInfo.InvariantCulture, out number))
                {
                    problem = $"'{s}' is not a number (write decimals with a dot, as in 0.5)";
                    return false;
                }
                break;
            case double d:
                number = d;
                break;
            case float f:
                number = f;
                break;
            case decimal m:
                number = (double)m;
                break;
            case IConvertible c when IsNumeric(c.GetTypeCode()):
                number = c.ToDouble(CultureInfo.InvariantCulture);
                break;
            default:
                number = double.NaN;
                problem = $"a {value.GetType().Name} is not a number";
                return false;
        }
        if (SnippetRules.IsFinite(number)) return true;
        problem = $"{ScoreFormat.Raw(value)} is not a finite number";
        return false;
    }

    private static bool IsNumeric(TypeCode code) => code is >= TypeCode.SByte and <= TypeCode.Decimal;
}
