namespace CXoneRanking.WhatIf;

/// <summary>
/// The cross-check of the model (docs/what-if.md): the proposal's clicks estimated from the logged clicks alone,
/// by inverse propensity. A click on snippet d at logged position k says d would be clicked at proposed position k'
/// with weight examination(k') / examination(k). Only the fitted examination is borrowed from the model, not the
/// attractiveness. A snippet the showing did not show earns nothing (it had no chance of a click), so the estimate
/// reads low by what <see cref="RankingChangeCrossCheck.Overlap"/> leaves out.
/// </summary>
internal static class InversePropensityCheck
{
    public static (double? ClickThroughRate, RankingChangeCrossCheck CrossCheck) Of(ShowingTable table, double[] examination, double[] attractiveness)
    {
        var loggedAt = new int[table.Snippets.Count];
        var stamp = new int[table.Snippets.Count];
        double clicks = 0, rrClicks = 0, modelRrClicks = 0, overlap = 0, looks = 0;
        for (var i = 0; i < table.Showings; i++)
        {
            for (var j = table.LoggedStart[i]; j < table.LoggedStart[i + 1]; j++)
            {
                stamp[table.LoggedSnippet[j]] = i + 1;
                loggedAt[table.LoggedSnippet[j]] = j;
            }
            for (int j = table.ProposedStart[i], k = 0; j < table.ProposedStart[i + 1]; j++, k++)
            {
                var snippet = table.ProposedSnippet[j];
                looks += examination[k];
                modelRrClicks += examination[k] * attractiveness[snippet] / (k + 1);
                if (stamp[snippet] != i + 1) continue;
                overlap += examination[k];
                var at = loggedAt[snippet];
                if (!table.LoggedClicked[at]) continue;
                var weight = examination[k] / examination[at - table.LoggedStart[i]];
                clicks += weight;
                rrClicks += weight / (k + 1);
            }
        }
        var impressions = table.ProposedImpressions;
        var check = new RankingChangeCrossCheck
        {
            ModelReciprocalRankClicks = table.Showings > 0 ? modelRrClicks / table.Showings : null,
            InversePropensityReciprocalRankClicks = table.Showings > 0 ? rrClicks / table.Showings : null,
            Overlap = looks > 0 ? Math.Min(1.0, overlap / looks) : null,
        };
        // Weights above 1 (a click moved up) can push a small log's figure past 1: a rate is capped, as every rate is.
        return (impressions > 0 ? Math.Min(1.0, clicks / impressions) : null, check);
    }
}
