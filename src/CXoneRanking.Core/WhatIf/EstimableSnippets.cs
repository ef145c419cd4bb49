using CXoneRanking.Learning;

namespace CXoneRanking.WhatIf;

/// <summary>
/// Which snippets and positions the log can speak for, and Coverage: the examination-weighted share of the
/// proposed impressions that fall on both. A snippet needs <see cref="RankingChangeEstimator.MinImpressions"/>
/// logged impressions (Get-SnippetBoostSuggestion's threshold) and a value under the model's thin-evidence rule
/// (<see cref="ClickEvidence"/>: connected to the reference, and a click or enough looked-at impressions); a position
/// needs an examination under the same rule (a click there, connected to the reference).
/// </summary>
internal sealed class EstimableSnippets
{
    private readonly bool[] _snippets;
    private readonly bool[] _positions;

    private EstimableSnippets(bool[] snippets, bool[] positions)
    {
        _snippets = snippets;
        _positions = positions;
    }

    public bool Snippet(int snippet) => _snippets[snippet];

    public static EstimableSnippets Of(ShowingTable table, ClickCells cells, FittedClickCells? fit, int maxLength)
    {
        var snippets = new bool[table.Snippets.Count];
        var positions = new bool[maxLength];
        if (fit is null) return new EstimableSnippets(snippets, positions);
        var evidence = new ClickEvidence(cells, fit.Reference, fit.Comparable);
        for (var k = 0; k < Math.Min(maxLength, fit.Examination.Length); k++)
            positions[k] = cells.ImpressionsByPosition[k] > 0 && evidence.Examination(k + 1, fit.Examination[k]).Value is not null;
        for (var i = 0; i < snippets.Length; i++)
        {
            var tally = table.Snippets.Tally(i);
            if (tally.Impressions < RankingChangeEstimator.MinImpressions) continue;
            var looks = 0.0;
            for (var k = 1; k <= tally.MaxPosition; k++) looks += tally.ImpressionsAt(k) * Math.Min(1.0, fit.Examination[k - 1]);
            snippets[i] = evidence.Relevance(i, fit.Relevance[i], looks).Value is not null;
        }
        return new EstimableSnippets(snippets, positions);
    }

    /// <summary>
    /// The examination-weighted share of the proposed impressions on estimable snippets at estimable positions; null when
    /// nothing is proposed.
    /// </summary>
    public double? Coverage(ShowingTable table, double[] examination)
    {
        double covered = 0, total = 0;
        for (var i = 0; i < table.Showings; i++)
        {
            for (int j = table.ProposedStart[i], k = 0; j < table.ProposedStart[i + 1]; j++, k++)
            {
                total += examination[k];
                if (_positions[k] && _snippets[table.ProposedSnippet[j]]) covered += examination[k];
            }
        }
        return total > 0 ? Math.Min(1.0, covered / total) : null;
    }
}
