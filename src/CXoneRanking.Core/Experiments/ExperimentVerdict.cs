using System.Globalization;

namespace CXoneRanking.Experiments;

/// <summary>
/// The one-line reading of an experiment, in invariant culture so a log or a ticket reads the
/// same everywhere. Lifts are percentage points ("pts") of click-through; the sessions are
/// Control's then Treatment's, the order of every table. Significant means p &lt; 0.05 and a 95% interval that leaves out zero.
/// </summary>
internal static class ExperimentVerdict
{
    public static string Of(RankingExperimentResult result)
    {
        var sessions = $"{Count(result.Control.Sessions)} control vs {Count(result.Treatment.Sessions)} treatment sessions";
        if (result.ClickThrough is not { } ctr)
        {
            var withClicks = result.Treatment.SessionsWithClicks + result.Control.SessionsWithClicks;
            return $"Not enough data: {sessions}, {Count(withClicks)} with a click ({ExperimentEvidence.Requirement})";
        }
        var figures = $"{Points(ctr.Lift)} pts CTR (95% interval {Points(ctr.Low)} to {Points(ctr.High)}), {P(ctr.PValue)}, {sessions}";
        return ctr.IsSignificant ? $"Treatment {figures}" : $"No significant difference: treatment {figures}";
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A rate difference in percentage points with its sign, one decimal; a value that is not zero but would round
    /// to 0.0 gets the decimals it needs (up to four), so an interval's low bound of -0.03 never reads as 0.0.
    /// </summary>
    internal static string Points(double lift)
    {
        var points = lift * 100;
        for (var decimals = 1; decimals <= 4; decimals++)
        {
            var rounded = Math.Round(points, decimals, MidpointRounding.AwayFromZero);
            if (rounded != 0 || points == 0 || decimals == 4)
            {
                var digits = new string('0', decimals);
                return rounded.ToString($"+0.{digits};-0.{digits};0.0", CultureInfo.InvariantCulture);
            }
        }
        return "0.0";
    }

    internal static string P(double p) => p < 0.001 ? "p < 0.001" : "p = " + p.ToString("0.000", CultureInfo.InvariantCulture);
}
