using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Audit.Tests.Retention;

/// <summary>Retention by age (issue 26): the folder's policy decides what is deleted, never a count of files.</summary>
public class RetentionByAgeTests
{
    [Fact]
    public void A_click_on_a_sixty_day_log_with_the_default_policy_deletes_nothing()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);
        Policies.WriteDays(writer, clock, 60);

        writer.Append(Entries.Click("s-last", "KB-2", 2));
        var result = writer.Housekeep();

        Assert.Equal(61, Entries.AllLines(dir.Path).Length);
        Assert.Equal(60, Entries.FileNames(dir.Path).Length);
        Assert.False(File.Exists(Path.Combine(dir.Path, AuditAnchors.FileName)));
        Assert.Empty(result.Deleted);
        Assert.True(result.Policy!.IsDefault);
        Assert.Equal((400, 1, (int?)null), (result.Policy.RetentionDays, result.Policy.CompressAfterDays, result.Policy.MaxSizeMB));
        Assert.Null(result.Warning);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_fifty_day_policy_deletes_only_the_older_days_anchors_them_and_records_them_in_the_chain()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);
        Policies.WriteDays(writer, clock, 60); // 2026-11-25 .. 2027-01-23
        Policies.Write(dir.Path, retentionDays: 50);
        writer.Append(Entries.Click("s-last", "KB-2", 2));

        var result = writer.Housekeep();

        string[] expected = [.. Enumerable.Range(0, 9).Select(d => $"cxone-audit-{Entries.T0.AddDays(d):yyyyMMdd}.jsonl")]; // before 2026-12-04
        Assert.Equal(expected, result.Deleted.Select(f => f.Name));
        Assert.All(result.Deleted, f => Assert.Equal(AuditPruneReason.Retention, f.Reason));
        Assert.Equal(9, result.DeletedDays.Count);
        Assert.True(result.DeletedBytes > 0);
        Assert.Equal("cxone-audit-20261204.jsonl", Entries.FileNames(dir.Path)[0]);
        Assert.Equal(51, Entries.FileNames(dir.Path).Length);
        Assert.Equal(9, Policies.AnchorLines(dir.Path));
        var pruned = Assert.Single(Policies.PrunedEntries(dir.Path));
        Assert.Equal(expected, pruned.Files);
        Assert.Equal("older than the retention of 50 days (policy .cxone-audit.policy.json)", pruned.Note);
        Assert.Equal(pruned.Hash, result.PrunedEntry!.Hash);
        Assert.Contains("Audit retention deleted 9 file(s) of 9 day(s) (2026-11-25 to 2026-12-03", result.Warning);
        Assert.Contains("older than the retention of 50 days", result.Warning);
        Assert.Contains("cxone-audit-20261125.jsonl", result.Warning);
        var verified = AuditChainVerifier.Verify(dir.Path);
        Assert.True(verified.IsValid, verified.Reason);
        Assert.False(verified.StartsAtGenesis);
        Assert.Equal(51 + 2, verified.Entries); // 51 days' clicks, the last click and the pruned entry

        Assert.Empty(writer.Housekeep().Deleted); // a second run finds nothing more to do and writes nothing
        Assert.Single(Policies.PrunedEntries(dir.Path));
    }

    [Fact]
    public void The_newest_file_is_never_deleted_however_old_its_day_and_a_day_goes_by_sequence()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => { o.TimeProvider = clock; o.MaxFileBytes = 1; });
        writer.Append([Entries.Click("s", "a", 1), Entries.Click("s", "b", 1), Entries.Click("s", "c", 1)]); // _, _001, _002 on the 25th
        Policies.Write(dir.Path, retentionDays: 1);
        clock.Advance(TimeSpan.FromDays(10));

        var result = writer.Housekeep();

        Assert.Equal(["cxone-audit-20261125.jsonl", "cxone-audit-20261125_001.jsonl"], result.Deleted.Select(f => f.Name));
        // The pruned entry joins the kept file's day (a writer never goes back a day): the 5th of December's file.
        Assert.Equal(["cxone-audit-20261125_002.jsonl", "cxone-audit-20261205.jsonl"], Entries.FileNames(dir.Path));
        var verified = AuditChainVerifier.Verify(dir.Path);
        Assert.True(verified.IsValid, verified.Reason);
    }

    [Fact]
    public void Summaries_of_deleted_days_go_with_them_and_those_of_kept_days_stay()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);
        Policies.WriteDays(writer, clock, 4); // 25th .. 28th
        Policies.Write(dir.Path, retentionDays: 2);
        var summaries = Directory.CreateDirectory(Path.Combine(dir.Path, ".cxone-summaries")).FullName;
        string[] names = ["cxone-summary-20261125.json", "cxone-summary-checkpoint-20261125.json.gz", "cxone-summary-20261126.json",
            "cxone-summary-20261127.json", "cxone-summary-checkpoint-20261127.json.gz"];
        foreach (var name in names) File.WriteAllText(Path.Combine(summaries, name), "{}");

        var result = writer.Housekeep();

        Assert.Equal(["cxone-audit-20261125.jsonl"], result.Deleted.Select(f => f.Name)); // before the 26th
        Assert.Equal(
            [Path.Combine(".cxone-summaries", "cxone-summary-20261125.json"), Path.Combine(".cxone-summaries", "cxone-summary-checkpoint-20261125.json.gz")],
            result.DeletedSummaries);
        Assert.Equal(names.Skip(2).Order(), Directory.GetFiles(summaries).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Stopped_before_it_starts_deletes_nothing_and_says_so()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);
        Policies.WriteDays(writer, clock, 5);
        Policies.Write(dir.Path, retentionDays: 1);

        var result = writer.Housekeep(new CancellationToken(canceled: true));

        Assert.Empty(result.Deleted);
        Assert.Contains("stopped", Assert.Single(result.Problems));
        Assert.Equal(5, Entries.FileNames(dir.Path).Length);
    }
}
