namespace CXoneRanking.Experiments;

/// <summary>
/// Treatment minus Control for one figure, with the two-sided z test on the difference of two
/// independent estimates: SE = sqrt(Var_T + Var_C), interval lift +/- z(0.975) SE, and the smallest
/// lift this sample would detect with 80% power at alpha 0.05, (z(0.975) + z(0.80)) SE.
/// </summary>
public sealed class LiftEstimate
{
    public const double Confidence = 0.95;
    public const double Power = 0.80;

    private static readonly double ZInterval = NormalDistribution.Quantile(1 - (1 - Confidence) / 2);
    private static readonly double ZPower = NormalDistribution.Quantile(Power);

    public double Lift { get; private set; }
    public double StandardError { get; private set; }
    public double Low { get; private set; }
    public double High { get; private set; }
    public double PValue { get; private set; }
    public double MinimumDetectableLift { get; private set; }

    /// <summary>The estimate, or null when either variance is unknown (an arm with fewer than two sessions).</summary>
    public static LiftEstimate? Of(double treatment, double? treatmentVariance, double control, double? controlVariance)
    {
        if (treatmentVariance is not { } vt || controlVariance is not { } vc) return null;
        var lift = treatment - control;
        var se = Math.Sqrt(vt + vc);
        // A zero standard error (no session differs from its arm's rate) makes any lift certain and no lift none.
        var p = se > 0 ? NormalDistribution.TwoSidedPValue(lift / se) : lift == 0 ? 1.0 : 0.0;
        return new LiftEstimate
        {
            Lift = lift,
            StandardError = se,
            Low = lift - ZInterval * se,
            High = lift + ZInterval * se,
            PValue = p,
            MinimumDetectableLift = (ZInterval + ZPower) * se,
        };
    }
}
