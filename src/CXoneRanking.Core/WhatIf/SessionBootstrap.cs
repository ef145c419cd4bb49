using CXoneRanking.Learning;

namespace CXoneRanking.WhatIf;

/// <summary>
/// The session bootstrap: each resample weighs every session by a Poisson(1) draw (a session's showings share its
/// weight: agents' clicks in one session are not independent), refits the click model on the reweighted cells,
/// warm-started from the log's fit, and evaluates both lists on the same weights, so the lifts are paired. The
/// cells, parameters and weights are allocated once and refilled on every resample.
/// </summary>
internal sealed class SessionBootstrap
{
    /// <summary>EM sweeps a resample may take from the log's fit; accelerated, they take a few dozen.</summary>
    public const int MaxSweeps = 300;

    /// <summary>A resample's fit has settled when no parameter moves more than this in a sweep: far below any interval's width.</summary>
    public const double Tolerance = 1e-5;

    private readonly ShowingTable _table;
    private readonly FittedClickCells _fit;
    private readonly EffectiveClickModel _model;
    private readonly int[] _shownCells;
    private readonly int[] _shownStart;
    private readonly int[] _clickedCells;
    private readonly int[] _clickedStart;

    public SessionBootstrap(ShowingTable table, FittedClickCells fit, EffectiveClickModel model)
    {
        _table = table;
        _fit = fit;
        _model = model;
        (_shownCells, _shownStart, _clickedCells, _clickedStart) = CellsBySession(table, fit.Cells);
    }

    /// <summary>Resamples whose EM stopped at <see cref="MaxSweeps"/> before it settled.</summary>
    public int Unsettled { get; private set; }

    public ShowingExpectation[] Run(int resamples, int seed, CancellationToken cancellationToken, IProgress<int>? progress)
    {
        var cells = _fit.Cells.EmptyCopy();
        var sweeps = new AcceleratedClickModelSweeps(
            new ClickModelSweeps(cells, _fit.Reference, _fit.Comparable, WhatIfClickModel.PseudoCount),
            _fit.Examination.Length, _fit.Relevance.Length);
        var theta = new double[_fit.Examination.Length];
        var gamma = new double[_fit.Relevance.Length];
        var weights = new int[_table.Sessions];
        var random = new PoissonDraws(seed);
        var results = new ShowingExpectation[resamples];
        for (var r = 0; r < resamples; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var s = 0; s < weights.Length; s++) weights[s] = random.Next();
            Reweigh(cells, weights);
            Array.Copy(_fit.Examination, theta, theta.Length);
            Array.Copy(_fit.Relevance, gamma, gamma.Length);
            if (!sweeps.Run(theta, gamma, MaxSweeps, Tolerance, cancellationToken).Converged) Unsettled++;
            _model.Update(theta, gamma, cells.ImpressionsBySnippet);
            results[r] = ShowingExpectation.Over(_table, weights, _model.Examination, _model.Attractiveness);
            progress?.Report(r + 1);
        }
        return results;
    }

    private void Reweigh(WeightedClickCells cells, int[] weights)
    {
        double[] impressions = cells.Impressions, clicks = cells.Clicks;
        int[] shown = _shownCells, clicked = _clickedCells, shownStart = _shownStart, clickedStart = _clickedStart;
        Array.Clear(impressions, 0, impressions.Length);
        Array.Clear(clicks, 0, clicks.Length);
        for (var s = 0; s < weights.Length; s++)
        {
            var w = weights[s];
            if (w == 0) continue;
            for (var j = shownStart[s]; j < shownStart[s + 1]; j++) impressions[shown[j]] += w;
            for (var j = clickedStart[s]; j < clickedStart[s + 1]; j++) clicks[clicked[j]] += w;
        }
        cells.Total();
    }

    /// <summary>
    /// Each session's fitted cells, once per impression and once per clicked impression, as flat arrays (session s
    /// from <c>start[s]</c> to <c>start[s + 1]</c>); an impression outside the fit (not connected to the reference) is left out.
    /// </summary>
    private static (int[] Shown, int[] ShownStart, int[] Clicked, int[] ClickedStart) CellsBySession(ShowingTable table, WeightedClickCells cells)
    {
        var index = new Dictionary<long, int>(cells.Count);
        for (var c = 0; c < cells.Count; c++) index[Key(cells.Snippet[c], cells.Position[c])] = c;
        List<int> shown = new(table.LoggedSnippet.Length), clicked = [];
        int[] shownStart = new int[table.Sessions + 1], clickedStart = new int[table.Sessions + 1];
        for (var s = 0; s < table.Sessions; s++)
        {
            shownStart[s] = shown.Count;
            clickedStart[s] = clicked.Count;
            for (var i = table.SessionStart[s]; i < table.SessionStart[s + 1]; i++)
            {
                for (int j = table.LoggedStart[i], k = 1; j < table.LoggedStart[i + 1]; j++, k++)
                {
                    if (!index.TryGetValue(Key(table.LoggedSnippet[j], k), out var c)) continue;
                    shown.Add(c);
                    if (table.LoggedClicked[j]) clicked.Add(c);
                }
            }
        }
        shownStart[table.Sessions] = shown.Count;
        clickedStart[table.Sessions] = clicked.Count;
        return ([.. shown], shownStart, [.. clicked], clickedStart);
    }

    private static long Key(int snippet, int position) => ((long)snippet << 32) | (uint)position;
}
