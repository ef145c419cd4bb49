using System.Globalization;

namespace CXoneRanking.Emulator;

/// <summary>
/// Parses the emulator's command line strictly: an unknown, repeated or malformed option is an
/// error rather than a silently ignored typo, because a rehearsal against the wrong settings
/// proves nothing.
/// </summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: CXoneRanking.Emulator [options]

          --urls URL[;URL]         loopback http URL(s) to listen on (default http://127.0.0.1:5080;
                                   port 0 picks a free port)
          --client-id ID           OAuth client id accepted by /oauth/token (default emulator)
          --client-secret SECRET   OAuth client secret (default emulator)
          --access-key-id ID       access key id the password grant accepts (default emulator-key)
          --access-key-secret S    access key secret (default emulator-key-secret)
          --tenant-id ID           tenant id claim of id tokens, the tenant cxone-configuration knows
                                   (default 11111111-2222-4333-8444-555555555555)
          --token-lifetime SEC     access token lifetime in seconds, 1..86400 (default 3600)
          --latency-ms MS          delay added to every API response, 0..60000 (default 0)
          --fault-rate SPEC        random faults on ranking POSTs, e.g. 429=0.1,500=0.05,409=0.05,reset=0.02
          --seed N                 seed for --fault-rate, so the same requests meet the same faults
          --retry-after SEC        Retry-After seconds sent with 429 answers, 0..3600 (default 1)
          --parent-pid PID         stop when process PID exits (Start-CXoneEmulator passes its own)
          --expert-key KEY         Expert server API token key accepted in X-Deki-Token (default emulator-expert-key)
          --expert-secret SECRET   secret of that token's HMAC-SHA256 hash (default emulator-expert-secret)
          --expert-history N       searches the Expert search log starts with, 0..100000 (default 0), drawn
                                   over the last 30 days from a position-based click model seeded by --seed
          --help                   show this text
        """;

    private static readonly HashSet<string> KnownOptions = new(StringComparer.Ordinal)
    {
        "urls", "client-id", "client-secret", "access-key-id", "access-key-secret", "tenant-id", "token-lifetime", "latency-ms", "fault-rate",
        "seed", "retry-after", "parent-pid",
        "expert-key", "expert-secret", "expert-history",
    };

    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var showHelp = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                showHelp = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new EmulatorOptionsException($"unexpected argument '{arg}'.");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[2..equals] : arg[2..];
            if (!KnownOptions.Contains(name))
            {
                throw new EmulatorOptionsException($"unknown option '--{name}'.");
            }

            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new EmulatorOptionsException($"--{name}: a value is required.");
            }

            if (!values.TryAdd(name, value))
            {
                throw new EmulatorOptionsException($"--{name}: given more than once.");
            }
        }

        return Build(values, showHelp);
    }

    private static EmulatorOptions Build(Dictionary<string, string> values, bool showHelp)
    {
        var defaults = new EmulatorOptions();
        return new EmulatorOptions
        {
            ShowHelp = showHelp,
            Urls = values.TryGetValue("urls", out var urls) ? LoopbackUrls.Parse(urls) : defaults.Urls,
            ClientId = NonEmpty(values, "client-id", defaults.ClientId),
            ClientSecret = NonEmpty(values, "client-secret", defaults.ClientSecret),
            AccessKeyId = NonEmpty(values, "access-key-id", defaults.AccessKeyId),
            AccessKeySecret = NonEmpty(values, "access-key-secret", defaults.AccessKeySecret),
            TenantId = NonEmpty(values, "tenant-id", defaults.TenantId),
            TokenLifetime = TimeSpan.FromSeconds(Integer(values, "token-lifetime", 1, 86_400, 3600)),
            Latency = TimeSpan.FromMilliseconds(Integer(values, "latency-ms", 0, 60_000, 0)),
            FaultRates = values.TryGetValue("fault-rate", out var rates) ? FaultRates.Parse(rates) : FaultRates.None,
            Seed = values.ContainsKey("seed") ? Integer(values, "seed", int.MinValue, int.MaxValue, 0) : null,
            RetryAfterSeconds = Integer(values, "retry-after", 0, 3600, defaults.RetryAfterSeconds),
            ParentProcessId = values.ContainsKey("parent-pid") ? Integer(values, "parent-pid", 1, int.MaxValue, 0) : null,
            ExpertKey = ExpertKey(values, defaults.ExpertKey),
            ExpertSecret = NonEmpty(values, "expert-secret", defaults.ExpertSecret),
            ExpertHistory = Integer(values, "expert-history", 0, 100_000, 0),
        };
    }

    /// <summary>The key is the first part of tkn_{key}_{epoch}_{user}_{hash}, so it cannot hold an underscore.</summary>
    private static string ExpertKey(Dictionary<string, string> values, string fallback)
    {
        var key = NonEmpty(values, "expert-key", fallback);
        return key.Contains('_', StringComparison.Ordinal)
            ? throw new EmulatorOptionsException("--expert-key: must not contain '_', which separates the parts of a server token.")
            : key;
    }

    private static string NonEmpty(Dictionary<string, string> values, string name, string fallback)
    {
        if (!values.TryGetValue(name, out var value))
        {
            return fallback;
        }

        return string.IsNullOrWhiteSpace(value)
            ? throw new EmulatorOptionsException($"--{name}: must not be empty.")
            : value;
    }

    private static int Integer(Dictionary<string, string> values, string name, int min, int max, int fallback)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new EmulatorOptionsException($"--{name}: '{text}' is not an integer.");
        }

        return value < min || value > max
            ? throw new EmulatorOptionsException($"--{name}: {value} is outside {min}..{max}.")
            : value;
    }
}
