using System.Runtime.InteropServices;

namespace CXoneRanking.FrameworkTests;

/// <summary>
/// A fact about Mono on Unix. On Windows (.NET Framework proper) it reports as skipped with the
/// reason, never as a silent pass, because there the behaviour it checks does not exist.
/// </summary>
public sealed class UnixOnlyFactAttribute : FactAttribute
{
    public UnixOnlyFactAttribute(string whyNotOnWindows)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) Skip = whyNotOnWindows;
    }
}
