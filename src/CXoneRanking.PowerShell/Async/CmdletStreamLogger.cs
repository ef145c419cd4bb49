using System.Management.Automation;
using CXoneRanking.Api;

namespace CXoneRanking.PowerShell.Async;

/// <summary>
/// Core's logging, shown in PowerShell's streams from the pipeline thread: Information as Verbose,
/// Debug as Debug, Warning as Warning. Levels the caller did not ask for are disabled, so Core
/// never formats a body nobody will read. It is an <see cref="ILogSink"/>, not an ILogger, so this
/// assembly never names Microsoft.Extensions.Logging (which lives in the module's private load
/// context; see Loading/PrivateLoadContext).
/// </summary>
internal sealed class CmdletStreamLogger(CmdletAsyncBridge bridge, PSCmdlet cmdlet) : ILogSink
{
    // Verbose lines are few and cheap, so they are always handed to WriteVerbose, which alone
    // sees a $VerbosePreference set in the caller's own scope (this module's session state does
    // not). Debug lines carry bodies, so they are made only for -Debug or a global preference.
    private readonly bool _debug = IsOn(cmdlet, "Debug", "DebugPreference");

    public bool IsEnabled(LogSeverity severity) => severity != LogSeverity.Debug || _debug;

    public void Write(LogSeverity severity, string message)
    {
        if (!IsEnabled(severity)) return;
        bridge.Post(severity switch
        {
            LogSeverity.Debug => () => cmdlet.WriteDebug(message),
            LogSeverity.Information => () => cmdlet.WriteVerbose(message),
            _ => () => cmdlet.WriteWarning(message),
        });
    }

    private static bool IsOn(PSCmdlet cmdlet, string switchName, string preference)
    {
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue(switchName, out var bound))
            return bound is SwitchParameter { IsPresent: true } || bound is true;
        return cmdlet.GetVariableValue(preference) is ActionPreference p && p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore;
    }
}
