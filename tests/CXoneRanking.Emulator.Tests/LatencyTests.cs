using System.Diagnostics;

namespace CXoneRanking.Emulator.Tests;

public sealed class LatencyTests
{
    [Fact]
    public async Task Latency_is_added_to_every_api_response()
    {
        await using var server = await EmulatorServer.StartAsync("--latency-ms", "300");

        var tokenTime = Stopwatch.StartNew();
        var token = await server.GetTokenAsync();
        tokenTime.Stop();
        var rankingTime = Stopwatch.StartNew();
        (await server.PostRankingAsync("s-1", Payloads.Json("s-1"), token)).Dispose();
        rankingTime.Stop();
        var statusTime = Stopwatch.StartNew();
        (await server.GetStatusAsync("s-1", token)).Dispose();
        statusTime.Stop();

        Assert.InRange(tokenTime.ElapsedMilliseconds, 290, 30_000);
        Assert.InRange(rankingTime.ElapsedMilliseconds, 290, 30_000);
        Assert.InRange(statusTime.ElapsedMilliseconds, 290, 30_000);
        Assert.All(await server.JournalAsync(), e => Assert.True(e.GetProperty("duration_ms").GetDouble() >= 290));
    }
}
