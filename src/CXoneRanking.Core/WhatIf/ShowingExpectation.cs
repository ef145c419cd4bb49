namespace CXoneRanking.WhatIf;

/// <summary>
/// Expected clicked impressions and expected reciprocal rank of the logged and the proposed lists under a model,
/// summed over (weighted) sessions; clicked impressions per session divide by the sessions, not the impressions, so
/// they do not rise when a list shows fewer snippets. Under the position-based model the positions click independently, so the
/// chance the first click is at k is c_k x (1 - c_1) ... (1 - c_(k-1)), with c_k = examination x attractiveness.
/// A showing the proposal leaves unchanged reuses the logged figures, so an identical proposal gives exactly the
/// same sums and a lift of exactly 0.
/// </summary>
internal struct ShowingExpectation
{
    public double Sessions;
    public double Showings;
    public double LoggedImpressions;
    public double LoggedClicks;
    public double LoggedReciprocalRank;
    public double ProposedImpressions;
    public double ProposedClicks;
    public double ProposedReciprocalRank;

    public readonly double? LoggedClickThroughRate => LoggedImpressions > 0 ? LoggedClicks / LoggedImpressions : null;
    public readonly double? ProposedClickThroughRate => ProposedImpressions > 0 ? ProposedClicks / ProposedImpressions : null;
    public readonly double? LoggedClickedImpressionsPerSession => Sessions > 0 ? LoggedClicks / Sessions : null;
    public readonly double? ProposedClickedImpressionsPerSession => Sessions > 0 ? ProposedClicks / Sessions : null;
    public readonly double? LoggedMeanReciprocalRank => Showings > 0 ? LoggedReciprocalRank / Showings : null;
    public readonly double? ProposedMeanReciprocalRank => Showings > 0 ? ProposedReciprocalRank / Showings : null;

    /// <summary>Sums over every session, each weighted by <paramref name="weights"/> (null: 1 each).</summary>
    public static ShowingExpectation Over(ShowingTable table, int[]? weights, double[] examination, double[] attractiveness)
    {
        var sums = default(ShowingExpectation);
        var reciprocal = Reciprocals(examination.Length);
        for (var s = 0; s < table.Sessions; s++)
        {
            var w = weights is null ? 1 : weights[s];
            if (w == 0) continue;
            sums.Sessions += w;
            for (var i = table.SessionStart[s]; i < table.SessionStart[s + 1]; i++)
            {
                int loggedFrom = table.LoggedStart[i], loggedTo = table.LoggedStart[i + 1];
                var (clicks, rr) = Expect(table.LoggedSnippet, loggedFrom, loggedTo, examination, attractiveness, reciprocal);
                sums.Showings += w;
                sums.LoggedImpressions += w * (loggedTo - loggedFrom);
                sums.LoggedClicks += w * clicks;
                sums.LoggedReciprocalRank += w * rr;
                if (table.Changed[i])
                {
                    int from = table.ProposedStart[i], to = table.ProposedStart[i + 1];
                    (clicks, rr) = Expect(table.ProposedSnippet, from, to, examination, attractiveness, reciprocal);
                    loggedTo = loggedFrom + (to - from);
                }
                sums.ProposedImpressions += w * (loggedTo - loggedFrom);
                sums.ProposedClicks += w * clicks;
                sums.ProposedReciprocalRank += w * rr;
            }
        }
        return sums;
    }

    private static double[] Reciprocals(int length) => Enumerable.Range(1, length).Select(k => 1.0 / k).ToArray();

    private static (double Clicks, double ReciprocalRank) Expect(int[] snippets, int from, int to, double[] examination, double[] attractiveness,
        double[] reciprocal)
    {
        double clicks = 0, rr = 0, noneYet = 1;
        for (int j = from, k = 0; j < to; j++, k++)
        {
            var c = examination[k] * attractiveness[snippets[j]];
            clicks += c;
            rr += noneYet * c * reciprocal[k];
            noneYet *= 1.0 - c;
        }
        return (clicks, rr);
    }
}
