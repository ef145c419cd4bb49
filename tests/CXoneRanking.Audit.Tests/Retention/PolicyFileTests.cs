using System.Runtime.InteropServices;
using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Audit.Tests.Retention;

/// <summary>The folder's policy file: read, written, and never guessed at when it cannot be used.</summary>
public class PolicyFileTests
{
    [Theory]
    [InlineData("{not json", "not a policy's JSON")]
    [InlineData("", "not a policy's JSON")]
    [InlineData("null", "JSON null")]
    [InlineData("{\"retention_days\":50}", "no \"version\"")]
    [InlineData("{\"version\":2,\"retention_days\":50}", "version 2")]
    [InlineData("{\"version\":1,\"retention_days\":0}", "retention_days 0 is outside 1 to 36500")]
    [InlineData("{\"version\":1,\"retention_days\":\"50\"}", "not a policy's JSON")]
    [InlineData("{\"version\":1,\"compress_after_days\":-1}", "compress_after_days -1")]
    [InlineData("{\"version\":1,\"max_size_mb\":0}", "max_size_mb 0")]
    [InlineData("{\"version\":1,\"retention_days\":50.5}", "not a policy's JSON")]
    public void A_malformed_policy_deletes_nothing_and_is_named_with_its_reason(string json, string reason)
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);
        Policies.WriteDays(writer, clock, 60);
        Policies.Write(dir.Path, json);

        var result = writer.Housekeep();

        Assert.Empty(result.Deleted);
        Assert.Null(result.Policy);
        Assert.Contains(Policies.PathIn(dir.Path), result.PolicyProblem);
        Assert.Contains(reason, result.PolicyProblem);
        Assert.Contains(result.PolicyProblem!, result.Warning);
        Assert.Equal(60, Entries.FileNames(dir.Path).Length);
        var thrown = Assert.Throws<AuditPolicyInvalidException>(() => AuditPolicyFile.Read(dir.Path));
        Assert.Equal(Policies.PathIn(dir.Path), thrown.PolicyPath);
    }

    [Fact]
    public void An_unreadable_policy_deletes_nothing_and_is_named()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);
        Policies.WriteDays(writer, clock, 3);
        Directory.CreateDirectory(Policies.PathIn(dir.Path)); // exists, and cannot be read as a file, on every system and as root

        var result = writer.Housekeep();

        Assert.Empty(result.Deleted);
        Assert.Contains("cannot be read", result.PolicyProblem);
        Assert.Contains(Policies.PathIn(dir.Path), result.PolicyProblem);
    }

    [Fact]
    public void Missing_members_take_their_defaults_and_unknown_ones_are_ignored()
    {
        using var dir = new TempDirectory();
        Policies.Write(dir.Path, "{\"version\":1,\"retention_days\":90,\"added_later\":true}");

        var policy = AuditPolicyFile.Read(dir.Path);

        Assert.Equal((90, 1, (int?)null, false), (policy.RetentionDays, policy.CompressAfterDays, policy.MaxSizeMB, policy.IsDefault));
        Assert.Equal(Policies.PathIn(dir.Path), policy.Path);
    }

    [Fact]
    public void Setting_a_policy_writes_the_file_atomically_owner_only_and_records_the_change_in_the_chain()
    {
        using var dir = new TempDirectory();
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = new FakeTimeProvider(Entries.T0));

        var first = writer.SetPolicy(p => p.With(retentionDays: 50, maxSizeMB: 2048));
        var second = writer.SetPolicy(p => p.With(compressAfterDays: 0, maxSizeMB: 0));
        var same = writer.SetPolicy(p => p.With(retentionDays: 50));

        Assert.Equal("{\"version\":1,\"retention_days\":50,\"compress_after_days\":0,\"max_size_mb\":null}\n",
            File.ReadAllText(Policies.PathIn(dir.Path)));
        Assert.False(File.Exists(Policies.PathIn(dir.Path) + ".tmp"));
        Assert.Equal("policy .cxone-audit.policy.json set from the defaults (retention_days 400, compress_after_days 1, max_size_mb none) "
            + "to retention_days 50, compress_after_days 1, max_size_mb 2048", first.Entry!.Note);
        Assert.Equal("policy .cxone-audit.policy.json changed from retention_days 50, compress_after_days 1, max_size_mb 2048 "
            + "to retention_days 50, compress_after_days 0, max_size_mb none", second.Entry!.Note);
        Assert.False(same.Changed);
        Assert.Equal((50, 0, (int?)null, false), (same.Policy.RetentionDays, same.Policy.CompressAfterDays, same.Policy.MaxSizeMB, same.Policy.IsDefault));
        var entries = new AuditLogReader(dir.Path).ReadEntries().ToList();
        Assert.Equal([AuditEvent.AuditPolicy, AuditEvent.AuditPolicy], entries.Select(e => e.Event));
        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
#if NET7_0_OR_GREATER
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Policies.PathIn(dir.Path)));
#endif
    }

    [Fact]
    public void Setting_a_policy_repairs_a_malformed_one_and_says_what_it_was()
    {
        using var dir = new TempDirectory();
        Policies.Write(dir.Path, "{oops");
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = new FakeTimeProvider(Entries.T0));

        var change = writer.SetPolicy(p => p.With(retentionDays: 30));

        Assert.Contains("not a policy's JSON", change.PreviousProblem);
        Assert.StartsWith("policy .cxone-audit.policy.json repaired (it was not usable: it is not a policy's JSON", change.Entry!.Note);
        Assert.Equal(30, AuditPolicyFile.Read(dir.Path).RetentionDays);
    }

    [Fact]
    public void A_policy_file_that_cannot_be_replaced_changes_nothing_and_the_chain_says_so()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Policies.PathIn(dir.Path)); // a folder in its place: no rename can replace it
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = new FakeTimeProvider(Entries.T0));

        var e = Assert.Throws<IOException>(() => writer.SetPolicy(p => p.With(retentionDays: 30)));

        Assert.Contains("The log records that it was not changed", e.Message);
        var notes = new AuditLogReader(dir.Path).ReadEntries().Select(x => x.Note).ToList();
        Assert.Equal(2, notes.Count);
        Assert.StartsWith("policy .cxone-audit.policy.json repaired", notes[0]);
        Assert.StartsWith("policy .cxone-audit.policy.json NOT changed: the file could not be replaced", notes[1]);
        Assert.False(File.Exists(Policies.PathIn(dir.Path) + ".tmp"));
        Assert.True(Directory.Exists(Policies.PathIn(dir.Path)));
    }

    [Theory]
    [InlineData(0, 1, null)]
    [InlineData(36501, 1, null)]
    [InlineData(400, 36501, null)]
    [InlineData(400, -1, null)]
    [InlineData(400, 1, -5)]
    public void A_policy_refuses_values_outside_their_ranges(int retention, int compress, int? cap)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AuditPolicy(retention, compress, cap));
        Assert.Contains("outside", e.Message);
    }
}
