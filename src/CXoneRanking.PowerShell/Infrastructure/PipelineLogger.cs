using System.Management.Automation;
using Microsoft.Extensions.Logging;

namespace CXoneRanking.PowerShell.Infrastructure;

/// <summary>
/// Core's logging, shown in PowerShell's streams from the pipeline thread: Information as Verbose,
/// Debug and Trace as Debug, Warning and above as Warning. Levels the caller did not ask for are
/// disabled, so Core never formats a body nobody will read.
/// </summary>
internal sealed class PipelineLogger(AsyncPipeline pipeline, PSCmdlet cmdlet) : ILogger
{
    private readonly bool _verbose = IsOn(cmdlet, "Verbose", "VerbosePreference");
    private readonly bool _debug = IsOn(cmdlet, "Debug", "DebugPreference");

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel switch
    {
        LogLevel.Trace or LogLevel.Debug => _debug,
        LogLevel.Information => _verbose,
        LogLevel.None => false,
        _ => true,
    };

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        var message = formatter(state, exception);
        pipeline.Post(logLevel switch
        {
            LogLevel.Trace or LogLevel.Debug => () => cmdlet.WriteDebug(message),
            LogLevel.Information => () => cmdlet.WriteVerbose(message),
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
