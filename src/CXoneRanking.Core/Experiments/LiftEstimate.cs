namespace CXoneRanking.Experiments;

/// <summary>
/// Treatment minus Control for one figure (docs/experiments.md#formulas). The p-value is a
/// randomisation test over sessions (<see cref="PermutationTest"/>), valid at any sample size; the
/// 95% interval is Welch's, lift +/- t(0.975, df) SE with Welch-Satterthwaite df, and the minimum
/// detectable lift (t(0.975, df) + t(0.80, df)) SE. Each arm's variance has a floor (one
/// independent trial per impression at the smoothed pooled rate), so a sample in which no session
/// differs from its arm's rate, or no session clicked, cannot give a zero-width interval.
/// </summary>
public sealed class LiftEstimate
{
    public const double Confidence = 0.95;
    public const double Power = 0.80;

    public double Lift { get; private set; }
    public double StandardError { get; private set; }

    /// <summary>Welch-Satterthwaite degrees of freedom of <see cref="StandardError"/>.</summary>
    public double DegreesOfFreedom { get; private set; }

    public double Low { get; private set; }
    public double High { get; private set; }

    private Lazy<double> _pValue = new(() => double.NaN);

    /// <summary>Two-sided randomisation-test p-value; its smallest possible value is 1 / 2,000. Computed when first read.</summary>
    public double PValue => _pValue.Value;

    public double MinimumDetectableLift { get; private set; }

    /// <summary>True when p &lt; 0.05 and the interval leaves out zero: both methods agree that there is a lift.</summary>
    public bool IsSignificant => PValue < 1 - Confidence && (Low > 0 || High < 0);

    /// <summary>The lift with its interval and p-value, as <c>Format-List</c> shows it: "+0.150 (95% -0.200 to +0.500), p = 0.286".</summary>
    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture,
        "{0:+0.000;-0.000;0.000} (95% {1:+0.000;-0.000;0.000} to {2:+0.000;-0.000;0.000}), {3}", Lift, Low, High, ExperimentVerdict.P(PValue));

    internal static LiftEstimate Of(SessionRatios sessions)
    {
        var observed = sessions.Observed();
        var df = observed.DegreesOfFreedom;
        var t = StudentT.Quantile(1 - (1 - Confidence) / 2, df);
        var se = observed.StandardError;
        return new LiftEstimate
        {
            Lift = observed.Lift,
            StandardError = se,
            DegreesOfFreedom = df,
            Low = observed.Lift - t * se,
            High = observed.Lift + t * se,
            _pValue = new Lazy<double>(() => PermutationTest.PValue(sessions)),
            MinimumDetectableLift = (t + StudentT.Quantile(Power, df)) * se,
        };
    }
}
