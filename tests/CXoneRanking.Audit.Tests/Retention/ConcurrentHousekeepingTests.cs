using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Audit.Tests.Retention;

/// <summary>Two writers housekeeping one folder at once (overlapping scheduled tasks): each file deleted once, the chain whole.</summary>
public class ConcurrentHousekeepingTests
{
    [Fact]
    public void Two_writers_pruning_at_once_delete_each_file_once_and_record_each_once()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        Policies.WriteDays(Entries.Writer(dir.Path, o => o.TimeProvider = clock), clock, 60);
        Policies.Write(dir.Path, retentionDays: 10);
        var writers = Enumerable.Range(0, 2).Select(_ => Entries.Writer(dir.Path, o => o.TimeProvider = clock)).ToArray();
        var results = new AuditHousekeepingResult[writers.Length];
        using (var together = new Barrier(writers.Length))
        {
            var threads = writers.Select((writer, i) => new Thread(() =>
            {
                together.SignalAndWait();
                writer.Append(Entries.Click($"s-x-{i}", "KB-1", 1));
                results[i] = writer.Housekeep();
            })).ToList();
            foreach (var thread in threads) thread.Start();
            foreach (var thread in threads) thread.Join();
        }

        var deleted = results.SelectMany(r => r.Deleted.Select(f => f.Name)).ToList();
        Assert.Equal(49, deleted.Count); // days before the 10th before the 60th, each by one writer only
        Assert.Equal(deleted.Count, deleted.Distinct().Count());
        var pruned = Policies.PrunedEntries(dir.Path);
        Assert.Equal(deleted.Order(), pruned.SelectMany(e => e.Files!).Order());
        Assert.All(results, r => Assert.Empty(r.Problems));
        Assert.Equal(49, Policies.AnchorLines(dir.Path));
        var verified = AuditChainVerifier.Verify(dir.Path);
        Assert.True(verified.IsValid, verified.Reason);
    }
}
