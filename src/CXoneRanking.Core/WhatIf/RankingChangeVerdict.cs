using System.Globalization;

namespace CXoneRanking.WhatIf;

/// <summary>
/// The verdict line (docs/what-if.md#when-the-answer-cannot-be-trusted). In order: no showings, or no click, is
/// Cannot tell; a proposal that changes no showing is No clear difference (nothing moves, so nothing needs a model);
/// a proposal that shows nothing, fewer than <see cref="MinSessions"/> sessions, fewer than
/// <see cref="MinClickedImpressions"/> clicked impressions, Coverage below <see cref="MinCoverage"/>, or no resamples,
/// is Cannot tell (a thin log is named first: it is why its coverage is low too).
/// Then the lifts of clicked impressions per session and of mean reciprocal rank decide: Likely better when the 95%
/// interval of one lies above 0 and the other's does not lie below 0; Likely worse the other way round; otherwise No
/// clear difference. Click-through per impression does not decide: it rises by itself when fewer snippets are shown,
/// and with the same number shown it moves with clicks per session anyway.
/// </summary>
internal static class RankingChangeVerdict
{
    public const double MinCoverage = 0.9;
    public const int MinSessions = 200;
    public const int MinClickedImpressions = 100;

    public static string Decide(ShowingTable table, bool fitted, double? coverage, int resamples, Interval clicksPerSession,
        Interval reciprocalRank)
    {
        if (table.Showings == 0) return "Cannot tell: there is no logged showing in the range to estimate from.";
        if (!fitted) return "Cannot tell: the log has no click in the range, so the click model cannot be fitted.";
        if (table.Changed.All(c => !c)) return "No clear difference: the proposal ranks every showing exactly as it was logged.";
        if (coverage is not { } covered) return "Cannot tell: the proposal shows nothing on the logged showings.";
        var lowCoverage = covered < MinCoverage;
        var alsoCoverage = lowCoverage ? Format("; coverage is {0:0.#}% (below {1:0}%) as a result", covered * 100, MinCoverage * 100) : "";
        if (table.Sessions < MinSessions)
            return Format("Cannot tell: {0} {1}, fewer than the {2} needed{3}.", table.Sessions, table.Sessions == 1 ? "session" : "sessions",
                MinSessions, alsoCoverage);
        if (table.ClickedImpressions < MinClickedImpressions)
            return Format("Cannot tell: {0} clicked {1}, fewer than the {2} needed{3}.", table.ClickedImpressions,
                table.ClickedImpressions == 1 ? "impression" : "impressions", MinClickedImpressions, alsoCoverage);
        if (lowCoverage)
            return Format("Cannot tell: the log can speak for only {0:0.#}% of what the proposal would show (coverage below {1:0}%); "
                + "the rest is snippets or positions it has too few impressions or clicks of.", covered * 100, MinCoverage * 100);
        if (resamples == 0) return "Cannot tell: without resamples there is no interval to judge by.";
        var lifts = Format("clicked impressions per session {0} (95% interval {1} to {2}), mean reciprocal rank {3} (95% interval {4} to {5})",
            Signed(clicksPerSession.Value), Signed(clicksPerSession.Low), Signed(clicksPerSession.High),
            Signed(reciprocalRank.Value), Signed(reciprocalRank.Low), Signed(reciprocalRank.High));
        bool up = clicksPerSession.Above || reciprocalRank.Above, down = clicksPerSession.Below || reciprocalRank.Below;
        if (up && !down) return $"Likely better: {lifts}.";
        if (down && !up) return $"Likely worse: {lifts}.";
        if (up) return $"No clear difference: the two lifts point different ways: {lifts}.";
        return $"No clear difference: both intervals hold 0: {lifts}.";
    }

    private static string Signed(double? value) => value is { } v ? Format("{0:+0.0000;-0.0000;0.0000}", v) : "unknown";

    private static string Format(string format, params object?[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}

/// <summary>An estimate and its 95% interval; Above/Below: the whole interval is above/below 0.</summary>
internal readonly record struct Interval(double? Value, double? Low, double? High)
{
    public bool Above => Low > 0;
    public bool Below => High < 0;
}
