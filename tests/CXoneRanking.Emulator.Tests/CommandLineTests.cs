namespace CXoneRanking.Emulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Defaults_match_the_documentation()
    {
        var options = CommandLine.Parse([]);

        Assert.Equal(["http://127.0.0.1:5080"], options.Urls);
        Assert.Equal("emulator", options.ClientId);
        Assert.Equal("emulator", options.ClientSecret);
        Assert.Equal("emulator-key", options.AccessKeyId);
        Assert.Equal("emulator-key-secret", options.AccessKeySecret);
        Assert.Equal("11111111-2222-4333-8444-555555555555", options.TenantId);
        Assert.Equal(TimeSpan.FromSeconds(3600), options.TokenLifetime);
        Assert.Equal(TimeSpan.Zero, options.Latency);
        Assert.True(options.FaultRates.IsEmpty);
        Assert.Null(options.Seed);
        Assert.Equal(1, options.RetryAfterSeconds);
        Assert.Null(options.ParentProcessId);
        Assert.False(options.ShowHelp);
    }

    [Fact]
    public void Every_option_is_read_in_both_spellings()
    {
        var options = CommandLine.Parse([
            "--urls=http://localhost:7000", "--client-id", "id", "--client-secret=pw", "--token-lifetime", "5",
            "--latency-ms=25", "--fault-rate", "429=0.5,reset=0.5", "--seed", "-3", "--retry-after", "9", "--parent-pid", "42",
            "--access-key-id", "k", "--access-key-secret=ks", "--tenant-id", "t",
        ]);

        Assert.Equal(("k", "ks", "t"), (options.AccessKeyId, options.AccessKeySecret, options.TenantId));
        Assert.Equal(["http://localhost:7000"], options.Urls);
        Assert.Equal(("id", "pw"), (options.ClientId, options.ClientSecret));
        Assert.Equal(TimeSpan.FromSeconds(5), options.TokenLifetime);
        Assert.Equal(TimeSpan.FromMilliseconds(25), options.Latency);
        Assert.Equal(-3, options.Seed);
        Assert.Equal(9, options.RetryAfterSeconds);
        Assert.Equal(42, options.ParentProcessId);
        Assert.Equal(new Fault(429), options.FaultRates.Pick(0.49));
        Assert.Equal(Fault.Reset, options.FaultRates.Pick(0.51));
    }

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://127.0.0.2:8080")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:0")]
    [InlineData("http://127.0.0.1:5000;http://[::1]:5000")]
    public void Loopback_urls_are_accepted(string urls) =>
        Assert.Equal(urls.Split(';'), CommandLine.Parse(["--urls", urls]).Urls);

    [Theory]
    [InlineData("--urls", "http://0.0.0.0:5000", "not a loopback address")]
    [InlineData("--urls", "http://*:5000", "--urls")]
    [InlineData("--urls", "http://192.168.1.5:5000", "not a loopback address")]
    [InlineData("--urls", "http://example.com:5000", "not a loopback address")]
    [InlineData("--urls", "http://127.0.0.1:5000;http://10.0.0.1:5000", "not a loopback address")]
    [InlineData("--urls", "https://127.0.0.1:5001", "not an http:// URL")]
    [InlineData("--urls", "http://127.0.0.1:5000/api", "must not have a path")]
    [InlineData("--token-lifetime", "0", "--token-lifetime: 0 is outside 1..86400")]
    [InlineData("--token-lifetime", "soon", "--token-lifetime: 'soon' is not an integer")]
    [InlineData("--latency-ms", "-1", "--latency-ms: -1 is outside 0..60000")]
    [InlineData("--retry-after", "3601", "--retry-after: 3601 is outside 0..3600")]
    [InlineData("--seed", "1.5", "--seed: '1.5' is not an integer")]
    [InlineData("--client-id", " ", "--client-id: must not be empty")]
    [InlineData("--parent-pid", "0", "--parent-pid: 0 is outside 1..")]
    [InlineData("--fault-rate", "429", "is not FAULT=RATE")]
    [InlineData("--fault-rate", "200=0.1", "neither a 4xx/5xx status nor 'reset'")]
    [InlineData("--fault-rate", "429=1.5", "is not a number in [0, 1]")]
    [InlineData("--fault-rate", "429=-0.1", "is not a number in [0, 1]")]
    [InlineData("--fault-rate", "429=0.6,500=0.6", "add up to 1.2")]
    [InlineData("--fault-rate", "429=0.1,429=0.2", "429 is given more than once")]
    public void A_bad_value_is_refused_with_a_message_naming_the_option(string option, string value, string message)
    {
        var error = Assert.Throws<EmulatorOptionsException>(() => CommandLine.Parse([option, value]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "unknown option '--port'")]
    [InlineData("--seed", "--seed: a value is required")]
    [InlineData("stray", "unexpected argument 'stray'")]
    public void Unknown_options_and_missing_values_are_refused(string arg, string message)
    {
        var error = Assert.Throws<EmulatorOptionsException>(() => CommandLine.Parse([arg]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_given_twice_is_refused()
    {
        var error = Assert.Throws<EmulatorOptionsException>(() => CommandLine.Parse(["--seed", "1", "--seed=2"]));

        Assert.Contains("--seed: given more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_refuses_bad_options_too()
    {
        Assert.Throws<EmulatorOptionsException>(() => EmulatorApp.Build(["--urls", "http://0.0.0.0:0"]));
    }
}
