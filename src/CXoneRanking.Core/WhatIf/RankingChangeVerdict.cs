using System.Globalization;

namespace CXoneRanking.WhatIf;

/// <summary>
/// The verdict line (docs/what-if.md#when-the-answer-cannot-be-trusted). In order: no showings, or no click, is
/// Cannot tell; a proposal that changes no showing is No clear difference (nothing moves, so nothing needs a model);
/// a proposal that shows nothing, Coverage below <see cref="MinCoverage"/>, fewer than <see cref="MinSessions"/>
/// sessions, fewer than <see cref="MinClickedImpressions"/> clicked impressions, or no resamples, is Cannot tell.
/// Then the lifts decide: Likely better when the 95% interval of one lift lies above 0 and the other's does not lie
/// below 0; Likely worse the other way round; otherwise No clear difference (both intervals hold 0, or they disagree).
/// </summary>
internal static class RankingChangeVerdict
{
    public const double MinCoverage = 0.9;
    public const int MinSessions = 200;
    public const int MinClickedImpressions = 100;

    public static string Decide(ShowingTable table, bool fitted, double? coverage, int resamples, Interval clickThrough, Interval reciprocalRank)
    {
        if (table.Showings == 0) return "Cannot tell: there is no logged showing to estimate from.";
        if (!fitted) return "Cannot tell: the log has no click, so the click model cannot be fitted.";
        if (table.Changed.All(c => !c)) return "No clear difference: the proposal ranks every showing exactly as it was logged.";
        if (coverage is not { } covered) return "Cannot tell: the proposal shows nothing on the logged showings.";
        if (covered < MinCoverage)
            return Format("Cannot tell: the log can speak for only {0:0.#}% of what the proposal would show (coverage below {1:0}%); "
                + "the rest is snippets or positions it has too few impressions or clicks of.", covered * 100, MinCoverage * 100);
        if (table.Sessions < MinSessions)
            return Format("Cannot tell: {0} session(s) are too few (at least {1} needed).", table.Sessions, MinSessions);
        if (table.ClickedImpressions < MinClickedImpressions)
            return Format("Cannot tell: {0} clicked impression(s) are too few (at least {1} needed).",
                table.ClickedImpressions, MinClickedImpressions);
        if (resamples == 0) return "Cannot tell: without resamples there is no interval to judge by.";
        var lifts = Format("click-through {0} (95% interval {1} to {2}), mean reciprocal rank {3} (95% interval {4} to {5})",
            Points(clickThrough.Value), Points(clickThrough.Low), Points(clickThrough.High),
            Signed(reciprocalRank.Value), Signed(reciprocalRank.Low), Signed(reciprocalRank.High));
        bool up = clickThrough.Above || reciprocalRank.Above, down = clickThrough.Below || reciprocalRank.Below;
        if (up && !down) return $"Likely better: {lifts}.";
        if (down && !up) return $"Likely worse: {lifts}.";
        if (up) return $"No clear difference: the two lifts point different ways: {lifts}.";
        return $"No clear difference: both intervals hold 0: {lifts}.";
    }

    private static string Points(double? value) => value is { } v ? Format("{0:+0.00;-0.00;0.00} points", v * 100) : "unknown";

    private static string Signed(double? value) => value is { } v ? Format("{0:+0.0000;-0.0000;0.0000}", v) : "unknown";

    private static string Format(string format, params object?[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}

/// <summary>An estimate and its 95% interval; Above/Below: the whole interval is above/below 0.</summary>
internal readonly record struct Interval(double? Value, double? Low, double? High)
{
    public bool Above => Low > 0;
    public bool Below => High < 0;
}
