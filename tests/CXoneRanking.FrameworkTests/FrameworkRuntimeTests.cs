using System.Runtime.InteropServices;

namespace CXoneRanking.FrameworkTests;

/// <summary>
/// This leg only means something if it really runs on a .NET Framework-style runtime (Mono or
/// .NET Framework 4.x), as Windows PowerShell 5.1 does, and not on .NET Core.
/// </summary>
public class FrameworkRuntimeTests
{
    [Fact]
    public void The_tests_run_on_Mono_or_the_NET_Framework()
    {
        var description = RuntimeInformation.FrameworkDescription;
        var isMono = Type.GetType("Mono.Runtime") is not null;

        Assert.True(isMono || description.StartsWith(".NET Framework", StringComparison.Ordinal), description);
    }

    [Fact]
    public void Core_is_loaded_as_the_netstandard2_0_build()
    {
        var core = typeof(RankingOptions).Assembly;
        var target = core.GetCustomAttributes(typeof(System.Runtime.Versioning.TargetFrameworkAttribute), false)
            .Cast<System.Runtime.Versioning.TargetFrameworkAttribute>().Single();

        Assert.Equal(".NETStandard,Version=v2.0", target.FrameworkName);
    }
}
