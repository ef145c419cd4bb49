using System.Globalization;

namespace CXoneRanking.Experiments;

/// <summary>
/// The one-line reading of an experiment, in invariant culture so a log or a ticket reads the
/// same everywhere. Lifts are percentage points ("pts") of click-through; the sessions are
/// Treatment's then Control's. Significant means p &lt; 0.05 and a 95% interval that leaves out zero.
/// </summary>
internal static class ExperimentVerdict
{
    public static string Of(RankingExperimentResult result)
    {
        var sessions = $"{Count(result.Treatment.Sessions)} vs {Count(result.Control.Sessions)} sessions";
        if (result.ClickThrough is not { } ctr)
        {
            var withClicks = result.Treatment.SessionsWithClicks + result.Control.SessionsWithClicks;
            return $"Not enough data: {sessions}, {Count(withClicks)} with a click ({ExperimentEvidence.Requirement})";
        }
        var figures = $"{Points(ctr.Lift)} pts CTR (95% interval {Points(ctr.Low)} to {Points(ctr.High)}), {P(ctr.PValue)}, {sessions}";
        return ctr.IsSignificant ? $"Treatment {figures}" : $"No significant difference: treatment {figures}";
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A rate difference in percentage points with its sign, one decimal.</summary>
    internal static string Points(double lift)
    {
        var points = Math.Round(lift * 100, 1, MidpointRounding.AwayFromZero);
        return points.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
    }

    internal static string P(double p) => p < 0.001 ? "p < 0.001" : "p = " + p.ToString("0.000", CultureInfo.InvariantCulture);
}
