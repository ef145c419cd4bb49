namespace CXoneRanking.Experiments;

/// <summary>
/// Both arms' sessions for one figure, each session a (numerator, denominator, impressions) triple:
/// clicked impressions over impressions for click-through, reciprocal rank over 1 for mean
/// reciprocal rank. Either figure is a ratio of sums per arm, with the delta-method variance over
/// sessions, floored at the variance of a rate over the arm's impressions taken as independent
/// trials (docs/experiments.md#formulas). Treatment's sessions come first.
/// </summary>
internal sealed class SessionRatios
{
    private readonly double[] _num, _den, _trials;
    private readonly Sums _total;

    public SessionRatios(IReadOnlyList<(double Num, double Den, double Trials)> treatment,
        IReadOnlyList<(double Num, double Den, double Trials)> control)
    {
        TreatmentCount = treatment.Count;
        ControlCount = control.Count;
        var all = treatment.Concat(control).ToList();
        _num = all.Select(s => s.Num).ToArray();
        _den = all.Select(s => s.Den).ToArray();
        _trials = all.Select(s => s.Trials).ToArray();
        for (var i = 0; i < _num.Length; i++) _total = AddSession(_total, i);
        // The pooled rate with one success and one failure added: never 0 or 1, so the floor is never 0.
        var pooled = (_total.Num + 1) / (_total.Den + 2);
        FloorNumerator = pooled * (1 - pooled);
    }

    public int TreatmentCount { get; }
    public int ControlCount { get; }
    public int Count => _num.Length;

    /// <summary>p(1 - p) of the smoothed pooled rate: the variance of one independent trial (an impression).</summary>
    public double FloorNumerator { get; }

    /// <summary><paramref name="sums"/> with session <paramref name="i"/> added.</summary>
    internal Sums AddSession(in Sums sums, int i)
    {
        var num = _num[i];
        var den = _den[i];
        return new(sums.Num + num, sums.Den + den, sums.Num2 + num * num, sums.NumDen + num * den, sums.Den2 + den * den,
            sums.Trials + _trials[i]);
    }

    /// <summary>The figures for a split: <paramref name="treatment"/> holds the sums over the sessions called Treatment.</summary>
    public ArmPair Split(in Sums treatment) => new(
        Arm(treatment, TreatmentCount),
        Arm(new Sums(_total.Num - treatment.Num, _total.Den - treatment.Den, _total.Num2 - treatment.Num2,
            _total.NumDen - treatment.NumDen, _total.Den2 - treatment.Den2, _total.Trials - treatment.Trials), ControlCount));

    /// <summary>The split as observed: the first <see cref="TreatmentCount"/> sessions are Treatment.</summary>
    public ArmPair Observed()
    {
        var sums = new Sums();
        for (var i = 0; i < TreatmentCount; i++) sums = AddSession(sums, i);
        return Split(sums);
    }

    private ArmEstimate Arm(in Sums s, int n)
    {
        var rate = s.Den > 0 ? s.Num / s.Den : 0.0;
        // sum_i (num_i - R den_i)^2, expanded so a split's variance needs only its sums.
        var residuals = Math.Max(0, s.Num2 - 2 * rate * s.NumDen + rate * rate * s.Den2);
        var delta = n > 1 && s.Den > 0 ? n / (n - 1.0) * residuals / (s.Den * s.Den) : 0.0;
        var floor = FloorNumerator / Math.Max(1, s.Trials);
        return new ArmEstimate(rate, Math.Max(delta, floor), n);
    }

    internal readonly record struct Sums(double Num, double Den, double Num2, double NumDen, double Den2, double Trials);
}

/// <summary>One arm's ratio, its (floored) variance and its sessions.</summary>
internal readonly record struct ArmEstimate(double Rate, double Variance, int Sessions);

/// <summary>Both arms of one split, with the Welch statistic of their difference.</summary>
internal readonly record struct ArmPair(ArmEstimate Treatment, ArmEstimate Control)
{
    public double Lift => Treatment.Rate - Control.Rate;
    public double StandardError => Math.Sqrt(Treatment.Variance + Control.Variance);
    public double Statistic => Lift / StandardError;

    /// <summary>Welch-Satterthwaite degrees of freedom; at least min(n_t, n_c) - 1.</summary>
    public double DegreesOfFreedom
    {
        get
        {
            var vt = Treatment.Variance;
            var vc = Control.Variance;
            return (vt + vc) * (vt + vc) / (vt * vt / (Treatment.Sessions - 1) + vc * vc / (Control.Sessions - 1));
        }
    }
}
