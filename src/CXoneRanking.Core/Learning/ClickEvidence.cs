using System.Globalization;

namespace CXoneRanking.Learning;

/// <summary>
/// The thin-evidence rule: which fitted values are worth showing, and why the others are not.
/// An estimate is shown only when the data, not the prior, decide it:
/// an examination needs a click at its position and a chain of shared snippets to the reference;
/// a relevance needs the snippet to be comparable with the reference and either a click or at least
/// <see cref="MinLooksWithoutClick"/> looked-at impressions (never clicked in that many looks says
/// "rarely clicked"; in fewer it says little: at relevance 0.1 a run of 30 looks without a click
/// happens 4 % of the time, a run of 10 a third of the time). Everything else is null with a reason.
/// </summary>
internal sealed class ClickEvidence(ClickCells cells, int reference, ComparableCells? comparable)
{
    /// <summary>Looked-at impressions (impressions weighted by examination) a never-clicked snippet needs.</summary>
    public const double MinLooksWithoutClick = 30;

    private const string NoClicks = "no clicks in the log";

    /// <summary>The position examination is relative to; 0 when the log has no click.</summary>
    public int Reference { get; } = reference;

    public (double? Value, string? Note) Examination(int position, double fitted)
    {
        if (comparable is null) return (null, NoClicks);
        if (position == Reference) return (1.0, Reference == 1 ? null : "the reference: position 1 has no clicks");
        if (cells.ClicksByPosition[position - 1] == 0) return (null, "no clicks at this position");
        if (!comparable.HasPosition(position)) return (null, Format("shares no snippet with position {0}: cannot be compared", Reference));
        return (Clamp(fitted), Reference == 1 ? null : Format("relative to position {0}: position 1 has no clicks", Reference));
    }

    public (double? Value, string? Note) Relevance(int snippet, double fitted, double looks)
    {
        if (comparable is null) return (null, NoClicks);
        if (!comparable.HasSnippet(snippet)) return (null, Format("shown only at positions that cannot be compared with position {0}", Reference));
        if (cells.ClicksBySnippet[snippet] == 0 && looks < MinLooksWithoutClick)
            return (null, string.Format(CultureInfo.InvariantCulture,
                "no clicks in about {0:0.#} looked-at impressions: too few to estimate ({1:0} needed)", looks, MinLooksWithoutClick));
        return (Clamp(fitted), Reference == 1 ? null : Format("as if shown at position {0}: position 1 has no clicks", Reference));
    }

    // The prior keeps every fitted value inside (0, 1); the clamp states the contract where it is handed out.
    private static double Clamp(double value) => double.IsNaN(value) ? 0.0 : Math.Min(1.0, Math.Max(0.0, value));

    private static string Format(string format, int position) => string.Format(CultureInfo.InvariantCulture, format, position);
}
