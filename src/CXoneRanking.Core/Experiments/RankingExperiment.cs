using CXoneRanking.Audit;

namespace CXoneRanking.Experiments;

/// <summary>
/// An experiment as Submit-SnippetRanking runs it: its name, the share of sessions in Treatment,
/// and the directives Treatment applies after the ones every session gets. It decides each
/// session's arm and the ranking options of that arm; it never changes how Control ranks.
/// </summary>
public sealed class RankingExperiment
{
    public const int MaxNameLength = 128;
    public const int DefaultTreatmentPercent = 50;
    public const int MaxTreatmentPercent = 99;

    /// <exception cref="ArgumentException">The name is unusable (see <see cref="NameProblem"/>) or the share is outside 1..99.</exception>
    public RankingExperiment(string name, IReadOnlyList<BoostDirective>? treatmentDirectives, int treatmentPercent = DefaultTreatmentPercent)
    {
        if (NameProblem(name) is { } problem) throw new ArgumentException(problem, nameof(name));
        if (treatmentPercent is < 1 or > 99)
            throw new ArgumentException($"The treatment share {treatmentPercent}% is outside 1..99.", nameof(treatmentPercent));
        Name = name;
        TreatmentDirectives = treatmentDirectives ?? [];
        TreatmentPercent = treatmentPercent;
    }

    public string Name { get; }
    public int TreatmentPercent { get; }
    public IReadOnlyList<BoostDirective> TreatmentDirectives { get; }

    /// <summary>
    /// Why a name cannot be used, or null. A control character is refused because the hashed text
    /// joins name and session with a newline, and a name holding one could collide with another.
    /// </summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "the experiment name is empty";
        if (name!.Length > MaxNameLength) return $"the experiment name is {name.Length} characters long; the limit is {MaxNameLength}";
        if (name.Any(char.IsControl)) return "the experiment name contains a control character";
        return AuditText.SurrogateProblem(name, "experiment name");
    }

    public string ArmOf(string sessionId) => ExperimentAssignment.ArmOf(Name, sessionId, TreatmentPercent);

    /// <summary>The options of <paramref name="arm"/>: Control's are <paramref name="control"/>; Treatment appends its directives.</summary>
    public RankingOptions OptionsFor(string arm, RankingOptions control) => arm != ExperimentArm.Treatment ? control : new RankingOptions
    {
        MaxResultWindow = control.MaxResultWindow,
        Directives = control.Directives.Concat(TreatmentDirectives).ToList(),
        Overflow = control.Overflow,
        Normalize = control.Normalize,
        DefaultSessionId = control.DefaultSessionId,
    };

    /// <summary>Every session ranked with its arm's options and labelled with the arm, in first-seen order.</summary>
    internal IEnumerable<SessionRanking> RankAll(Ranking.SessionGrouper sessions, RankingOptions control) =>
        sessions.RankAll(sessionId => OptionsFor(ArmOf(sessionId), control)).Select(ranking => Label(ranking, ArmOf(ranking.SessionId)));

    /// <summary>The ranking, labelled with this experiment and <paramref name="arm"/>.</summary>
    public SessionRanking Label(SessionRanking ranking, string arm) => ranking.Labelled(Name, arm);

    public override string ToString() => $"{Name} ({TreatmentPercent}% treatment, {TreatmentDirectives.Count} directive(s))";
}
