using CsCheck;
using CXoneRanking.Experiments;

namespace CXoneRanking.Audit.Tests.Experiments;

/// <summary>The assignment's balance over random experiment names and shares (CsCheck, so .NET only).</summary>
public sealed class ExperimentAssignmentPropertyTests
{
    [Fact]
    public void Any_experiment_splits_sessions_near_its_share()
    {
        const int sessions = 2000;
        Gen.Select(Gen.String[1, 40], Gen.Int[1, 99]).Sample((name, percent) =>
        {
            var treated = Enumerable.Range(0, sessions).Count(i => ExperimentAssignment.ArmOf(name, $"s-{i}", percent) == ExperimentArm.Treatment);
            var expected = sessions * percent / 100.0;
            var sd = Math.Sqrt(sessions * percent / 100.0 * (1 - percent / 100.0));
            return Math.Abs(treated - expected) <= 5 * sd + 1;
        }, iter: 100);
    }
}
