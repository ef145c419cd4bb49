namespace CXoneRanking.Learning;

/// <summary>
/// What <see cref="PositionBasedClickModel"/> learned. Examination is relative to the reference
/// position (position 1, or the first position with a click when position 1 has none), whose
/// examination the fit held at 1; a snippet's relevance is its click-through rate had it always
/// been shown there. Values the data do not decide are null with a note (<see cref="ClickEvidence"/>).
/// </summary>
public sealed class ClickModelFit
{
    private readonly ClickLogObservations _observations;
    private readonly ClickEvidence _evidence;
    private readonly double[] _relevance;
    private readonly double[] _examination;

    internal ClickModelFit(ClickLogObservations observations, ClickCells cells, ClickEvidence evidence,
        double[] examination, double[] relevance, int iterations, bool converged)
    {
        _observations = observations;
        _evidence = evidence;
        _examination = examination;
        _relevance = relevance;
        Iterations = iterations;
        Converged = converged;
        Examination = examination
            .Select((e, k) => (Position: k + 1, Impressions: cells.ImpressionsByPosition[k], Clicks: cells.ClicksByPosition[k], Fitted: e))
            .Where(p => p.Impressions > 0)
            .Select(p =>
            {
                var (value, note) = evidence.Examination(p.Position, p.Fitted);
                return new PositionExamination(p.Position, p.Impressions, p.Clicks, value, note);
            })
            .ToList();
    }

    /// <summary>The examination curve: one entry per position that had impressions.</summary>
    public IReadOnlyList<PositionExamination> Examination { get; }

    /// <summary>The position examination is relative to, or null when the log has no click.</summary>
    public int? ReferencePosition => _evidence.Reference == 0 ? null : _evidence.Reference;

    /// <summary>EM iterations run.</summary>
    public int Iterations { get; }

    /// <summary>False when EM stopped at its iteration cap before the estimates settled.</summary>
    public bool Converged { get; }

    internal ClickLogObservations Observations => _observations;
    internal int SnippetCount => _relevance.Length;

    internal (double? Value, string? Note) RelevanceOf(int snippet) =>
        _evidence.Relevance(snippet, _relevance[snippet], ExaminedImpressionsOf(snippet));

    /// <summary>How many times the snippet was expected to be looked at: impressions weighted by examination.</summary>
    internal double ExaminedImpressionsOf(int snippet)
    {
        var tally = _observations.Snippets.Tally(snippet);
        var examined = 0.0;
        for (var k = 1; k <= tally.MaxPosition; k++) examined += tally.ImpressionsAt(k) * Math.Min(1.0, _examination[k - 1]);
        return examined;
    }

    /// <summary>The relevance the model estimates for <paramref name="snippetId"/>; null when never shown or the evidence is too thin.</summary>
    public double? RelevanceOf(string snippetId) => Shown(snippetId) is { } index ? RelevanceOf(index).Value : null;

    /// <summary>Why <see cref="RelevanceOf(string)"/> is null (or what it is relative to); null when there is nothing to say.</summary>
    public string? RelevanceNoteOf(string snippetId) => Shown(snippetId) is { } index ? RelevanceOf(index).Note : "never shown";

    private int? Shown(string snippetId)
    {
        var index = _observations.Snippets.Find(snippetId);
        return index >= 0 && _observations.Snippets.Tally(index).Impressions > 0 ? index : null;
    }

    /// <summary>A log without a single click: nothing can be estimated, and every value says so.</summary>
    internal static ClickModelFit WithoutClicks(ClickLogObservations observations, ClickCells cells) =>
        new(observations, cells, new ClickEvidence(cells, 0, null),
            cells.ImpressionsByPosition.Select(_ => 1.0).ToArray(), new double[cells.ImpressionsBySnippet.Length], 0, true);
}
