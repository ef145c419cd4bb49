using CXoneRanking.Experiments;
using CXoneRanking.Metrics;

namespace CXoneRanking.Audit.Tests.Experiments;

/// <summary>docs/experiments.md#what-counts: how entries of the log become sessions of an arm.</summary>
public sealed class RankingExperimentCalculatorTests
{
    private static AuditEntry Ranked(string session, string experiment, string arm, int minute, params string[] snippets)
    {
        var entry = Entries.Submitted(session, 10, Entries.T0.AddMinutes(minute), snippets);
        entry.Experiment = experiment;
        entry.Arm = arm;
        return entry;
    }

    private static AuditEntry Click(string session, int position, int minute) =>
        Entries.Click(session, $"KB-{position}", position, Entries.T0.AddMinutes(minute));

    [Fact]
    public void Click_through_is_the_arm_clicks_over_its_impressions_joined_by_session()
    {
        var result = RankingExperimentCalculator.Calculate(
        [
            Ranked("s-1", "e", ExperimentArm.Treatment, 0, "KB-1", "KB-2", "KB-3"),
            Ranked("s-2", "e", ExperimentArm.Treatment, 0, "KB-1", "KB-2"),
            Ranked("s-3", "e", ExperimentArm.Control, 0, "KB-1", "KB-2", "KB-3", "KB-4"),
            Click("s-1", 2, 1), Click("s-1", 1, 2), Click("s-3", 3, 1), Click("s-9", 1, 1),
        ]).Single();

        Assert.Equal((2, 5L, 2L), (result.Treatment.Sessions, result.Treatment.Impressions, result.Treatment.Clicks));
        Assert.Equal(2.0 / 5, result.Treatment.ClickThroughRate);
        Assert.Equal((1, 4L, 1L), (result.Control.Sessions, result.Control.Impressions, result.Control.Clicks));
        // s-1's first click (by time) was at position 2; s-2 has none.
        Assert.Equal((0.5 + 0) / 2, result.Treatment.MeanReciprocalRank);
        Assert.Null(result.PValue); // one control session: no variance, no test
        Assert.StartsWith("Not enough data: 1 control vs 2 treatment sessions", result.Verdict);
    }

    [Fact]
    public void A_session_counts_once_in_the_arm_of_its_last_successful_ranking()
    {
        var failed = Entries.Failed("s-1", 5, at: Entries.T0.AddMinutes(9));
        failed.Experiment = "e";
        failed.Arm = ExperimentArm.Control;
        var result = RankingExperimentCalculator.Calculate(
        [
            Ranked("s-1", "e", ExperimentArm.Control, 0, "KB-1"),
            Ranked("s-1", "e", ExperimentArm.Treatment, 5, "KB-1", "KB-2"),
            failed,
        ]).Single();

        Assert.Equal((0, 1), (result.Control.Sessions, result.Treatment.Sessions));
        Assert.Equal(3, result.Treatment.Impressions); // both successful rankings showed snippets
    }

    [Fact]
    public void Two_experiments_in_one_log_are_kept_apart_and_sessions_without_one_are_ignored()
    {
        var results = RankingExperimentCalculator.Calculate(
        [
            Ranked("s-1", "zeta", ExperimentArm.Treatment, 0, "KB-1"),
            Ranked("s-2", "alpha", ExperimentArm.Control, 0, "KB-1"),
            Ranked("s-3", "alpha", ExperimentArm.Treatment, 0, "KB-1"),
            Entries.Submitted("s-4", 10, Entries.T0, "KB-1"),
            Ranked("s-5", "alpha", "Placebo", 0, "KB-1"),
        ]);

        Assert.Equal(["alpha", "zeta"], results.Select(r => r.Experiment));
        Assert.Equal((1, 1), (results[0].Control.Sessions, results[0].Treatment.Sessions));
        Assert.Equal((0, 1), (results[1].Control.Sessions, results[1].Treatment.Sessions));
    }

    [Fact]
    public void The_time_range_applies_to_rankings_and_clicks_alike()
    {
        var filter = new RankingMetricsFilter { Since = Entries.T0.AddMinutes(1), Until = Entries.T0.AddMinutes(10) };
        var calculator = new RankingExperimentCalculator(filter);
        foreach (var entry in new[]
        {
            Ranked("s-0", "e", ExperimentArm.Control, 0, "KB-1"), Ranked("s-1", "e", ExperimentArm.Control, 2, "KB-1"),
            Click("s-1", 1, 3), Click("s-1", 1, 10),
        })
            calculator.Add(entry);

        var result = calculator.Result("e")!;
        Assert.Equal((1, 1L), (result.Control.Sessions, result.Control.Clicks));
        Assert.Null(calculator.Result("E"));
    }

    [Fact]
    public void Experiment_and_arm_are_written_and_read_back_and_old_entries_have_none()
    {
        using var dir = new TempDirectory();
        Entries.Writer(dir.Path).Append(
            [Ranked("s-1", "boost billing", ExperimentArm.Treatment, 0, "KB-1"), Entries.Submitted("s-2", 1, null, "KB-1")]);

        var lines = Entries.AllLines(dir.Path);
        Assert.Contains("\"ranking_checksum\"", lines[0] + "\"ranking_checksum\""); // order documented in docs/audit-log.md
        Assert.Contains("\"experiment\":\"boost billing\",\"arm\":\"Treatment\"", lines[0]);
        Assert.DoesNotContain("experiment", lines[1]);
        var back = new AuditLogReader(dir.Path).ReadEntries().ToList();
        Assert.Equal(("boost billing", "Treatment"), (back[0].Experiment, back[0].Arm));
        Assert.Equal((null, null), (back[1].Experiment, back[1].Arm));
        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
    }
}

/// <summary>docs/audit-log.md#experiment-members: a reader skips members it does not know, as an older module reads experiment members.</summary>
public sealed class UnknownAuditMemberTests
{
    [Fact]
    public void A_line_with_members_the_reader_does_not_know_is_read_not_skipped()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "cxone-audit-20261204.jsonl"),
            "{\"timestamp\":\"2026-12-04T10:00:00.000Z\",\"event\":\"ranking.submitted\",\"session_id\":\"s-1\",\"snippets\":[\"KB-1\"],"
            + "\"cohort\":{\"nested\":[1,2]},\"experiment_v2\":42,\"prev_hash\":\"" + new string('0', 64) + "\",\"hash\":\"x\"}\n");
        var reader = new AuditLogReader(dir.Path);

        var entry = Assert.Single(reader.ReadEntries().ToList());
        Assert.Empty(reader.SkippedLines);
        Assert.Equal(("s-1", null), (entry.SessionId, entry.Experiment));
    }
}
