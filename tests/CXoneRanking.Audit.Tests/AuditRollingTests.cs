using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Audit.Tests;

/// <summary>Which file an entry goes to: by UTC day, by size, and what retention keeps.</summary>
public class AuditRollingTests
{
    [Fact]
    public void Creates_the_directory_and_names_the_file_after_the_utc_day()
    {
        using var dir = new TempDirectory();
        var target = Path.Combine(dir.Path, "nested", "audit");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.FromHours(-5))); // 04:30 UTC on the 26th

        Entries.Writer(target, o => o.TimeProvider = clock).Append(Entries.Click("s", "a", 1));

        Assert.Equal(["cxone-audit-20261126.jsonl"], Entries.FileNames(target));
    }

    [Fact]
    public void Rolls_to_a_new_file_each_utc_day_and_the_chain_runs_on_across_files()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);

        writer.Append(Entries.Click("s", "a", 1));
        clock.Advance(TimeSpan.FromHours(5)); // past midnight UTC
        var tomorrow = Entries.Click("s", "b", 2);
        writer.Append(tomorrow);
        clock.Advance(TimeSpan.FromDays(2));
        writer.Append(Entries.Click("s", "c", 3));

        Assert.Equal(["cxone-audit-20261125.jsonl", "cxone-audit-20261126.jsonl", "cxone-audit-20261128.jsonl"], Entries.FileNames(dir.Path));
        Assert.Equal(Entries.AllLines(dir.Path)[0].Split("\"hash\":\"")[1][..64], tomorrow.PrevHash);
        var result = AuditChainVerifier.Verify(dir.Path);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal((3, 3), (result.Entries, result.Files));
    }

    [Fact]
    public void Never_goes_back_to_an_earlier_day_when_a_clock_is_behind()
    {
        using var dir = new TempDirectory();
        Entries.Writer(dir.Path, o => o.TimeProvider = new FakeTimeProvider(Entries.T0.AddDays(1))).Append(Entries.Click("s", "a", 1));
        Entries.Writer(dir.Path, o => o.TimeProvider = new FakeTimeProvider(Entries.T0)).Append(Entries.Click("s", "b", 2));

        Assert.Equal(["cxone-audit-20261126.jsonl"], Entries.FileNames(dir.Path));
        Assert.Equal(2, Entries.AllLines(dir.Path).Length);
    }

    [Fact]
    public void Rolls_by_size_without_splitting_a_line_and_keeps_the_chain()
    {
        using var dir = new TempDirectory();
        var writer = Entries.Writer(dir.Path, o => { o.TimeProvider = new FakeTimeProvider(Entries.T0); o.MaxFileBytes = 1000; });
        for (var i = 0; i < 10; i++) writer.Append(Entries.Click("s", $"KB-{i}", 1));
        // A line is about 320 bytes: three fit in 1000, a fourth rolls over.
        Assert.InRange(Entries.AllLines(dir.Path)[0].Length + 1, 251, 333);
        writer.Append([.. Enumerable.Range(10, 5).Select(i => Entries.Click("s", $"KB-{i}", 1))]);

        Assert.Equal(
            ["cxone-audit-20261125.jsonl", "cxone-audit-20261125_001.jsonl", "cxone-audit-20261125_002.jsonl", "cxone-audit-20261125_003.jsonl", "cxone-audit-20261125_004.jsonl"],
            Entries.FileNames(dir.Path));
        foreach (var file in AuditLogFile.List(dir.Path))
        {
            Assert.InRange(new FileInfo(file.Path).Length, 1, 1000);
            Assert.EndsWith("}\n", File.ReadAllText(file.Path));
        }
        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => $"KB-{i}"), new AuditLogReader(dir.Path).ReadEntries().Select(e => e.SnippetId));
    }

    [Fact]
    public void An_entry_larger_than_the_limit_gets_a_file_of_its_own()
    {
        using var dir = new TempDirectory();
        var writer = Entries.Writer(dir.Path, o => { o.TimeProvider = new FakeTimeProvider(Entries.T0); o.MaxFileBytes = 100; });

        writer.Append([Entries.Click("s", "a", 1), Entries.Click("s", "b", 2)]);

        Assert.Equal(["cxone-audit-20261125.jsonl", "cxone-audit-20261125_001.jsonl"], Entries.FileNames(dir.Path));
    }

    [Fact]
    public void Housekeeping_deletes_the_files_of_days_past_the_folders_retention_and_nothing_else()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);
        File.WriteAllText(Path.Combine(dir.Path, "notes.txt"), "not a log file"); // never touched
        File.WriteAllText(Path.Combine(dir.Path, ".cxone-audit.policy.json"), "{\"version\":1,\"retention_days\":2}");

        for (var day = 0; day < 5; day++)
        {
            writer.Append(Entries.Click("s", $"KB-{day}", 1));
            if (day < 4) clock.Advance(TimeSpan.FromDays(1));
        }
        Assert.Equal(5, Entries.FileNames(dir.Path).Length); // an append deletes nothing: housekeeping does, once a run is done
        writer.Housekeep();

        Assert.Equal(["cxone-audit-20261127.jsonl", "cxone-audit-20261128.jsonl", "cxone-audit-20261129.jsonl"], Entries.FileNames(dir.Path));
        Assert.True(File.Exists(Path.Combine(dir.Path, "notes.txt")));
        var result = AuditChainVerifier.Verify(dir.Path);
        Assert.True(result.IsValid, result.Reason);
        Assert.False(result.StartsAtGenesis); // the chain's start went with the deleted files
        Assert.Equal(3 + 1, result.Entries); // and the audit.pruned entry records them
    }

    [Fact]
    public void Retention_deletes_a_days_rolled_files_by_day_then_sequence()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => { o.TimeProvider = clock; o.MaxFileBytes = 1; });
        File.WriteAllText(Path.Combine(dir.Path, ".cxone-audit.policy.json"), "{\"version\":1,\"retention_days\":1}");

        writer.Append([Entries.Click("s", "a", 1), Entries.Click("s", "b", 1), Entries.Click("s", "c", 1)]); // _, _001, _002 on the 25th
        clock.Advance(TimeSpan.FromDays(1));
        writer.Append([Entries.Click("s", "d", 1), Entries.Click("s", "e", 1)]); // _, _001 on the 26th
        clock.Advance(TimeSpan.FromDays(1));
        var deleted = writer.Housekeep().Deleted.Select(f => f.Name);

        Assert.Equal(["cxone-audit-20261125.jsonl", "cxone-audit-20261125_001.jsonl", "cxone-audit-20261125_002.jsonl"], deleted);
        Assert.Equal(["cxone-audit-20261126.jsonl", "cxone-audit-20261126_001.jsonl", "cxone-audit-20261127.jsonl"], Entries.FileNames(dir.Path));
    }
}
