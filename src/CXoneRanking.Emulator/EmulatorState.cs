using System.Reflection;

namespace CXoneRanking.Emulator;

/// <summary>Everything one running emulator remembers, shared by its endpoints.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(EmulatorOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        StartedAt = time.GetUtcNow();
        Tokens = new TokenStore(time, options.TokenLifetime);
        Locks = new SessionLocks(time);
        Faults = new FaultInjector(options.FaultRates, options.Seed);
        Expert = new global::CXoneRanking.Emulator.Expert.ExpertState(options, time, StartedAt);
    }

    public static string Version { get; } =
        typeof(EmulatorState).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "0.0.0";

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public DateTimeOffset StartedAt { get; }

    public TokenStore Tokens { get; }

    public RefreshTokenStore RefreshTokens { get; } = new();

    public SessionLocks Locks { get; }

    public FaultInjector Faults { get; }

    public IdempotencyCache Idempotency { get; } = new();

    public RankingStore Rankings { get; } = new();

    public RequestJournal Journal { get; } = new();

    /// <summary>The emulated CXone Expert site behind /@api/deki.</summary>
    public global::CXoneRanking.Emulator.Expert.ExpertState Expert { get; }

    /// <summary>Back to a fresh start, except that issued tokens stay valid so a connected client need not reconnect.</summary>
    public void Reset()
    {
        Rankings.Clear();
        Journal.Clear();
        Faults.Clear();
        Locks.Clear();
        Idempotency.Clear();
        Expert.Reset();
    }
}
