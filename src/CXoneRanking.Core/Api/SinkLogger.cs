using Microsoft.Extensions.Logging;

namespace CXoneRanking.Api;

/// <summary>
/// Core's code logs through <see cref="ILogger"/>; this adapter hands its lines to an
/// <see cref="ILogSink"/>: Trace and Debug as Debug, Information as Information, Warning and
/// above as Warning.
/// </summary>
internal sealed class SinkLogger(ILogSink sink) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => Severity(logLevel) is { } severity && sink.IsEnabled(severity);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (Severity(logLevel) is not { } severity || !sink.IsEnabled(severity)) return;
        sink.Write(severity, formatter(state, exception));
    }

    private static LogSeverity? Severity(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => LogSeverity.Debug,
        LogLevel.Information => LogSeverity.Information,
        LogLevel.None => null,
        _ => LogSeverity.Warning,
    };
}
