using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CXoneRanking.Emulator.Tests;

/// <summary>The emulator as scripts run it: a separate process announcing its URL on stdout.</summary>
public sealed partial class ExecutableTests
{
    private static readonly string EmulatorDll = typeof(EmulatorApp).Assembly.Location;

    [Fact]
    public async Task Port_zero_binds_a_free_port_and_prints_one_parseable_line()
    {
        using var process = Start("--urls", "http://127.0.0.1:0", "--client-secret", "p-secret");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));

            var match = ListeningLine().Match(line ?? "");
            Assert.True(match.Success, $"unexpected first line: {line}");
            Assert.NotEqual(0, int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
            using var http = new HttpClient { BaseAddress = new Uri(match.Groups["url"].Value) };
            var status = JsonDocument.Parse(await http.GetStringAsync("/")).RootElement;
            Assert.Equal("CXone Agent Assist emulator", status.GetProperty("name").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.DoesNotContain("p-secret", await process.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--urls", "http://0.0.0.0:0", "not a loopback address")]
    [InlineData("--latency-ms", "lots", "--latency-ms")]
    [InlineData("--no-such-option", "x", "unknown option")]
    public async Task Bad_options_exit_with_code_2_and_say_why_on_stderr(string option, string value, string message)
    {
        using var process = Start(option, value);

        var stderr = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Equal("", await process.StandardOutput.ReadToEndAsync());
    }

    [Fact]
    public async Task The_emulator_stops_by_itself_when_its_parent_process_is_gone()
    {
        using var parent = Start("--help");
        await parent.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        using var process = Start("--urls", "http://127.0.0.1:0", "--parent-pid", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        try
        {
            Assert.StartsWith("CXone emulator listening on", await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("parent process", await process.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_the_options_and_exits_0()
    {
        using var process = Start("--help");

        var stdout = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, process.ExitCode);
        Assert.All(["--urls", "--client-id", "--client-secret", "--token-lifetime", "--latency-ms", "--fault-rate", "--seed", "--retry-after", "--parent-pid"],
            option => Assert.Contains(option, stdout, StringComparison.Ordinal));
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(EmulatorDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    [GeneratedRegex(@"^CXone emulator listening on (?<url>http://127\.0\.0\.1:(?<port>\d+))$")]
    private static partial Regex ListeningLine();
}
