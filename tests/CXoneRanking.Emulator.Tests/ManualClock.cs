namespace CXoneRanking.Emulator.Tests;

/// <summary>A clock that moves only when a test says so: token expiry and lock expiry without sleeping.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long utcTicks = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref utcTicks, by.Ticks);
}
