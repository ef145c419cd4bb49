namespace CXoneRanking.Emulator.Tests.Expert;

public sealed class ExpertCommandLineTests
{
    [Fact]
    public void Expert_defaults_match_the_documentation()
    {
        var options = CommandLine.Parse([]);

        Assert.Equal("emulator-expert-key", options.ExpertKey);
        Assert.Equal("emulator-expert-secret", options.ExpertSecret);
        Assert.Equal(0, options.ExpertHistory);
    }

    [Fact]
    public void Expert_options_are_read()
    {
        var options = CommandLine.Parse(["--expert-key", "k", "--expert-secret=s", "--expert-history", "1200"]);

        Assert.Equal(("k", "s", 1200), (options.ExpertKey, options.ExpertSecret, options.ExpertHistory));
    }

    [Theory]
    [InlineData("--expert-key", "my_key", "--expert-key: must not contain '_'")]
    [InlineData("--expert-key", " ", "--expert-key: must not be empty")]
    [InlineData("--expert-secret", "", "--expert-secret: must not be empty")]
    [InlineData("--expert-history", "-1", "--expert-history: -1 is outside 0..100000")]
    [InlineData("--expert-history", "100001", "--expert-history: 100001 is outside 0..100000")]
    [InlineData("--expert-history", "many", "--expert-history: 'many' is not an integer")]
    public void A_bad_expert_value_is_refused_with_a_message_naming_the_option(string option, string value, string message)
    {
        var error = Assert.Throws<EmulatorOptionsException>(() => CommandLine.Parse([option, value]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_usage_text_names_the_expert_options()
    {
        Assert.Contains("--expert-key", CommandLine.Usage, StringComparison.Ordinal);
        Assert.Contains("--expert-secret", CommandLine.Usage, StringComparison.Ordinal);
        Assert.Contains("--expert-history", CommandLine.Usage, StringComparison.Ordinal);
    }
}
