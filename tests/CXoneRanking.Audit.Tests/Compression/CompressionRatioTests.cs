using Xunit.Abstractions;

namespace CXoneRanking.Audit.Tests.Compression;

/// <summary>
/// The size a closed day compresses to (docs/audit-log.md#compressed-closed-days: at most 30% of the raw size), on a day
/// written as a centre writes it (<see cref="RealisticLog"/>: the submit path's write-ahead and outcome entries with
/// about 15 candidates each, clicks).
/// </summary>
public sealed class CompressionRatioTests(ITestOutputHelper output)
{
    [Fact]
    public void A_realistic_day_compresses_to_at_most_30_percent_of_its_raw_size()
    {
        using var dir = new TempDirectory();
        var now = RealisticLog.Write(dir.Path, days: 2, sessionsPerDay: 400);

        var result = CompressedFolder.Compress(dir.Path, now);

        var day = Assert.Single(result.Compressed);
        output.WriteLine($"{day} ({new AuditLogReader(dir.Path).ReadEntries().Count()} entries in the folder)");
        Assert.True(day.RawBytes > 1_000_000, day.ToString());
        Assert.InRange(day.Ratio, 0.01, 0.30);
    }
}
