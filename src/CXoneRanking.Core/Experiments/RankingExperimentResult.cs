using CXoneRanking.Experiments;

namespace CXoneRanking;

/// <summary>
/// What Get-RankingExperiment returns: both arms' figures, and for click-through and mean
/// reciprocal rank the lift (Treatment minus Control, absolute), its 95% interval, the two-sided
/// p-value and the minimum detectable lift at this sample size. The statistics are null below
/// <see cref="ExperimentEvidence"/>'s minimum. Meaning and formulas: docs/experiments.md.
/// </summary>
public sealed class RankingExperimentResult
{
    public string Experiment { get; init; } = string.Empty;
    public ArmSummary Control { get; init; } = ArmSummary.Of(ExperimentArm.Control, []);
    public ArmSummary Treatment { get; init; } = ArmSummary.Of(ExperimentArm.Treatment, []);

    /// <summary>Treatment's share of the sessions; far from the -TreatmentPercent used means the log is missing sessions of one arm.</summary>
    public double TreatmentShare => Control.Sessions + Treatment.Sessions == 0 ? 0.0
        : (double)Treatment.Sessions / (Control.Sessions + Treatment.Sessions);

    public double? ClickThroughLift => ClickThrough?.Lift;
    public double? ClickThroughLiftLow => ClickThrough?.Low;
    public double? ClickThroughLiftHigh => ClickThrough?.High;
    public double? PValue => ClickThrough?.PValue;
    public double? MinimumDetectableLift => ClickThrough?.MinimumDetectableLift;

    public double? MeanReciprocalRankLift => MeanReciprocalRank?.Lift;
    public double? MeanReciprocalRankLiftLow => MeanReciprocalRank?.Low;
    public double? MeanReciprocalRankLiftHigh => MeanReciprocalRank?.High;
    public double? MeanReciprocalRankPValue => MeanReciprocalRank?.PValue;
    public double? MinimumDetectableMeanReciprocalRankLift => MeanReciprocalRank?.MinimumDetectableLift;

    /// <summary>True when the sample reaches <see cref="ExperimentEvidence"/>'s minimum, so the statistics below are given.</summary>
    public bool EnoughData => ClickThrough is not null;

    /// <summary>The click-through lift with its standard error; null below the minimum sample.</summary>
    public LiftEstimate? ClickThrough { get; init; }

    /// <summary>The mean reciprocal rank lift with its standard error; null below the minimum sample.</summary>
    public LiftEstimate? MeanReciprocalRank { get; init; }

    /// <summary>The earliest and latest entry that counted.</summary>
    public DateTimeOffset? FirstEntry { get; init; }

    public DateTimeOffset? LastEntry { get; init; }

    /// <summary>
    /// One line that reads as a verdict, e.g.
    /// "Treatment +2.1 pts CTR (95% interval +1.3 to +2.9), p &lt; 0.001, 1,488 control vs 1,512 treatment sessions".
    /// </summary>
    public string Verdict => ExperimentVerdict.Of(this);

    public static RankingExperimentResult Of(string experiment,
        IReadOnlyCollection<SessionOutcome> control, IReadOnlyCollection<SessionOutcome> treatment,
        DateTimeOffset? firstEntry = null, DateTimeOffset? lastEntry = null)
    {
        var c = ArmSummary.Of(ExperimentArm.Control, control);
        var t = ArmSummary.Of(ExperimentArm.Treatment, treatment);
        var enough = ExperimentEvidence.IsEnough(c, t);
        return new RankingExperimentResult
        {
            Experiment = experiment,
            Control = c,
            Treatment = t,
            ClickThrough = enough ? LiftEstimate.Of(Ratios(treatment, control, s => (s.ClickedImpressions, s.Impressions, s.Impressions))) : null,
            MeanReciprocalRank = enough ? LiftEstimate.Of(Ratios(treatment, control, s => (s.ReciprocalRank, 1.0, s.Impressions))) : null,
            FirstEntry = firstEntry,
            LastEntry = lastEntry,
        };
    }

    private static SessionRatios Ratios(IReadOnlyCollection<SessionOutcome> treatment, IReadOnlyCollection<SessionOutcome> control,
        Func<SessionOutcome, (double, double, double)> figure) =>
        new(treatment.Select(figure).ToList(), control.Select(figure).ToList());

    public override string ToString() => $"{Experiment}: {Verdict}";
}
