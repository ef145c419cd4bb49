using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Audit;

/// <summary>
/// The reads of the audit log one cmdlet invocation makes, with a progress bar and Ctrl+C: one
/// cancellation source, which the cmdlet's StopProcessing cancels through <see cref="Stop"/> and
/// every read of the invocation observes, so one Ctrl+C stops whichever read is under way. The
/// cmdlet owns the session and disposes it when PowerShell disposes the cmdlet.
/// </summary>
internal sealed class AuditReadSession(PSCmdlet cmdlet) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new(); // StopProcessing runs on another thread than the read
    private bool _disposed;

    /// <summary>
    /// Runs <paramref name="read"/> with the session's cancellation and a Write-Progress bar named
    /// <paramref name="activity"/>; null when the pipeline was stopped. A log that cannot be read
    /// is a terminating AuditLogUnreadable error naming <paramref name="directory"/>.
    /// </summary>
    public T? Read<T>(string directory, string activity, Func<CancellationToken, IProgress<AuditReadProgress>, T> read) where T : class
    {
        var progress = new AuditReadProgressReporter(cmdlet, activity);
        try
        {
            return read(_stopping.Token, progress);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cmdlet.ThrowTerminatingError(Unreadable(directory, e));
            return null;
        }
        finally
        {
            progress.Complete();
        }
    }

    /// <summary>Ctrl+C: ends the read under way and any read after it. Safe from any thread, before or after Dispose.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (!_disposed) _stopping.Cancel();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _stopping.Dispose();
        }
    }

    /// <summary>The error for a log that exists but cannot be read.</summary>
    public static ErrorRecord Unreadable(string directory, Exception error) =>
        ErrorRecords.Create(error, "AuditLogUnreadable", ErrorCategory.ReadError, directory,
            "Check that you can read the audit folder and its files; Test-RankingAuditLog names a file it cannot read.");
}
