namespace CXoneRanking.Api;

/// <summary>How much a log line matters, in a type Core owns.</summary>
public enum LogSeverity
{
    /// <summary>Request and response bodies: shown with -Debug only.</summary>
    Debug,

    /// <summary>One line per HTTP attempt and retry decision: shown with -Verbose.</summary>
    Information,

    /// <summary>Something the user should see even without asking (a failed callback).</summary>
    Warning,
}

/// <summary>
/// Where Core's log lines go, for a host that must not name Microsoft.Extensions.Logging types.
/// The PowerShell module loads Core and its dependencies into a private AssemblyLoadContext. If
/// its cmdlets implemented <c>ILogger</c> themselves, their reference to the logging assembly would
/// bind in PowerShell's default context, to whatever version another module loaded there first,
/// and that ILogger would not be Core's. Core's own types exist once, so they match on both sides.
/// </summary>
public interface ILogSink
{
    /// <summary>False for levels nobody will read, so Core never formats a body for nothing.</summary>
    bool IsEnabled(LogSeverity severity);

    /// <summary>Called from any thread; the sink decides where and when the line is shown.</summary>
    void Write(LogSeverity severity, string message);
}
