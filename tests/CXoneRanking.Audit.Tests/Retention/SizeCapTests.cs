using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Audit.Tests.Retention;

/// <summary>The size cap: only when an admin sets one, oldest whole days first, never the current day.</summary>
public class SizeCapTests
{
    private const int DayBytes = 400_000;

    [Fact]
    public void Over_the_cap_the_oldest_whole_days_go_until_the_folder_fits()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);
        Policies.WriteDays(writer, clock, 5, ClicksPerDay()); // about 2,000,000 bytes: five days of 400,000
        Policies.Write(dir.Path, retentionDays: 400, maxSizeMB: 1);

        var result = writer.Housekeep();

        // 2.0 MB -> 1.6 -> 1.2 -> 0.8 MB, under the 1 MiB cap.
        Assert.Equal(["cxone-audit-20261125.jsonl", "cxone-audit-20261126.jsonl", "cxone-audit-20261127.jsonl"],
            result.Deleted.Select(f => f.Name));
        Assert.All(result.Deleted, f => Assert.Equal(AuditPruneReason.SizeCap, f.Reason));
        Assert.Equal("the oldest days over the size cap of 1 MB (policy .cxone-audit.policy.json)", result.PrunedEntry!.Note);
        Assert.Equal(["cxone-audit-20261128.jsonl", "cxone-audit-20261129.jsonl"], Entries.FileNames(dir.Path));
        var verified = AuditChainVerifier.Verify(dir.Path);
        Assert.True(verified.IsValid, verified.Reason);
    }

    [Fact]
    public void The_cap_never_takes_the_current_day_even_when_it_alone_is_over()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => { o.TimeProvider = clock; o.MaxFileBytes = DayBytes; });
        var perDay = ClicksPerDay();
        writer.Append([.. Enumerable.Range(0, perDay * 3).Select(i => Entries.Click($"s-{i}", "KB-1", 1))]); // over 1 MiB, all of today
        var files = Entries.FileNames(dir.Path);
        Policies.Write(dir.Path, retentionDays: 400, maxSizeMB: 1);
        var result = writer.Housekeep();

        Assert.True(files.Length > 1);
        Assert.Empty(result.Deleted);
        Assert.Equal(files, Entries.FileNames(dir.Path));
    }

    [Fact]
    public void Retention_and_the_cap_together_name_both_reasons_in_one_entry()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);
        Policies.WriteDays(writer, clock, 5, ClicksPerDay());
        Policies.Write(dir.Path, retentionDays: 3, maxSizeMB: 1); // the 25th by age (before the 26th), then the cap

        var result = writer.Housekeep();

        Assert.Equal([AuditPruneReason.Retention, AuditPruneReason.SizeCap, AuditPruneReason.SizeCap], result.Deleted.Select(f => f.Reason));
        Assert.Equal("the first 1 older than the retention of 3 days; the other 2 the oldest days over the size cap of 1 MB "
            + "(policy .cxone-audit.policy.json)", result.PrunedEntry!.Note);
    }

    // Clicks of one test day: a day of about DayBytes, measured on a click as the writer writes it.
    private static int ClicksPerDay()
    {
        using var probe = new TempDirectory();
        Entries.Writer(probe.Path, o => o.TimeProvider = new FakeTimeProvider(Entries.T0)).Append(Entries.Click("s-0-0", "KB-1", 1));
        return DayBytes / (int)new FileInfo(AuditLogFile.List(probe.Path).Single().Path).Length;
    }
}
