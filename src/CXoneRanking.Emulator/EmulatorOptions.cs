namespace CXoneRanking.Emulator;

/// <summary>
/// What the command line chose, every value already checked. A class rather than a record so that
/// no generated ToString can ever print the client secret.
/// </summary>
internal sealed class EmulatorOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    public string ClientId { get; init; } = "emulator";

    public string ClientSecret { get; init; } = "emulator";

    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Added to every API response (token, ranking, status), never to control endpoints.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    public FaultRates FaultRates { get; init; } = FaultRates.None;

    /// <summary>Seeds the fault-rate draws; null draws from an unseeded generator.</summary>
    public int? Seed { get; init; }

    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>A process whose exit stops the emulator, so a crashed test run leaves no listener behind.</summary>
    public int? ParentProcessId { get; init; }

    public bool ShowHelp { get; init; }
}
