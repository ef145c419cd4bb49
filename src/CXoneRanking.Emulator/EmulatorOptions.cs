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

    /// <summary>The access key (user name and password of the password grant) the emulator accepts.</summary>
    public string AccessKeyId { get; init; } = "emulator-key";

    public string AccessKeySecret { get; init; } = "emulator-key-secret";

    /// <summary>The tenant id claim of every id token, and the one tenant cxone-configuration knows.</summary>
    public string TenantId { get; init; } = "11111111-2222-4333-8444-555555555555";

    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Added to every API response (token, ranking, status), never to control endpoints.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    public FaultRates FaultRates { get; init; } = FaultRates.None;

    /// <summary>Seeds the fault-rate draws; null draws from an unseeded generator.</summary>
    public int? Seed { get; init; }

    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>A process whose exit stops the emulator, so a crashed test run leaves no listener behind.</summary>
    public int? ParentProcessId { get; init; }

    /// <summary>The key of the one Expert server API token the emulator accepts (X-Deki-Token).</summary>
    public string ExpertKey { get; init; } = "emulator-expert-key";

    /// <summary>The secret that token's HMAC-SHA256 hash is keyed with.</summary>
    public string ExpertSecret { get; init; } = "emulator-expert-secret";

    /// <summary>How many searches the Expert search log starts with, drawn from the click model with --seed.</summary>
    public int ExpertHistory { get; init; }

    public bool ShowHelp { get; init; }
}
