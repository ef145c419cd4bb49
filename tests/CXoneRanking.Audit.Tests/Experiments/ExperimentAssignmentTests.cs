using CXoneRanking.Experiments;

namespace CXoneRanking.Audit.Tests.Experiments;

/// <summary>docs/experiments.md#assignment: stable (fixed vectors, computed independently), balanced and independent across experiments.</summary>
public sealed class ExperimentAssignmentTests
{
    // Computed outside .NET: int.from_bytes(sha256(("name\nsession").encode()).digest()[:8], "big") % 10000.
    [Theory]
    [InlineData("boost-billing", "s-1", 8922)]
    [InlineData("boost-billing", "s-2", 817)]
    [InlineData("exp", "session-42", 2548)]
    [InlineData("Ünïcode", "s-1", 2796)]
    [InlineData("a", "b", 2403)]
    public void Bucket_is_fixed_by_the_documented_hash(string experiment, string session, int bucket) =>
        Assert.Equal(bucket, ExperimentAssignment.Bucket(experiment, session));

    [Fact]
    public void Arm_follows_the_bucket_and_the_share()
    {
        Assert.Equal(ExperimentArm.Control, ExperimentAssignment.ArmOf("boost-billing", "s-1", 89));
        Assert.Equal(ExperimentArm.Treatment, ExperimentAssignment.ArmOf("boost-billing", "s-1", 90));
        Assert.Equal(ExperimentArm.Treatment, ExperimentAssignment.ArmOf("boost-billing", "s-2", 9));
        Assert.Equal(ExperimentArm.Control, ExperimentAssignment.ArmOf("boost-billing", "s-2", 8));
    }

    [Fact]
    public void Arms_of_two_experiments_are_independent()
    {
        const int sessions = 4000;
        var both = Enumerable.Range(0, sessions).Count(i =>
            ExperimentAssignment.ArmOf("first", $"s-{i}", 50) == ExperimentArm.Treatment
            && ExperimentAssignment.ArmOf("second", $"s-{i}", 50) == ExperimentArm.Treatment);
        // Independent halves overlap in a quarter of the sessions (sd ~ 27); the same hash would give a half.
        Assert.InRange(both, 880, 1120);
    }

    [Fact]
    public void Unusable_names_are_refused_with_a_reason()
    {
        Assert.NotNull(RankingExperiment.NameProblem(""));
        Assert.NotNull(RankingExperiment.NameProblem("a\nb"));
        Assert.NotNull(RankingExperiment.NameProblem(new string('x', 129)));
        Assert.Null(RankingExperiment.NameProblem("boost billing 2026-12"));
        Assert.Throws<ArgumentException>(() => new RankingExperiment("x", [], 100));
    }
}
