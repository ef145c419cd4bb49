namespace CXoneRanking.WhatIf;

/// <summary>The snippets whose expected impressions (impressions weighted by the examination of their position) change most.</summary>
internal static class MovedSnippets
{
    /// <summary>How many snippets Moved lists at most.</summary>
    public const int Limit = 10;

    public static IReadOnlyList<MovedSnippet> Of(ShowingTable table, double[] examination, double[] attractiveness, EstimableSnippets estimable)
    {
        var count = table.Snippets.Count;
        double[] oldLooks = new double[count], newLooks = new double[count], oldPositions = new double[count], newPositions = new double[count];
        long[] oldShown = new long[count], newShown = new long[count];
        for (var i = 0; i < table.Showings; i++)
        {
            for (int j = table.LoggedStart[i], k = 0; j < table.LoggedStart[i + 1]; j++, k++)
                Add(table.LoggedSnippet[j], k, oldLooks, oldPositions, oldShown);
            for (int j = table.ProposedStart[i], k = 0; j < table.ProposedStart[i + 1]; j++, k++)
                Add(table.ProposedSnippet[j], k, newLooks, newPositions, newShown);
        }

        void Add(int snippet, int k, double[] looks, double[] positions, long[] shown)
        {
            looks[snippet] += examination[k];
            positions[snippet] += k + 1;
            shown[snippet]++;
        }

        return Enumerable.Range(0, count)
            .Where(i => Math.Abs(newLooks[i] - oldLooks[i]) > 1e-9 * Math.Max(1.0, oldLooks[i]))
            .OrderByDescending(i => Math.Abs(newLooks[i] - oldLooks[i])).ThenBy(table.Snippets.IdOf, StringComparer.Ordinal)
            .Take(Limit)
            .Select(i => new MovedSnippet
            {
                SnippetId = table.Snippets.IdOf(i),
                Attractiveness = estimable.Snippet(i) ? Math.Min(1.0, attractiveness[i]) : null,
                LoggedImpressions = oldShown[i],
                OldMeanPosition = oldShown[i] > 0 ? oldPositions[i] / oldShown[i] : null,
                NewMeanPosition = newShown[i] > 0 ? newPositions[i] / newShown[i] : null,
                OldExpectedImpressions = oldLooks[i],
                NewExpectedImpressions = newLooks[i],
            })
            .ToList();
    }
}
