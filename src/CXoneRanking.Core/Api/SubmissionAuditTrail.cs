using CXoneRanking.Audit;

namespace CXoneRanking.Api;

/// <summary>
/// One run's audit log, failing closed: once a write fails, no further write-ahead entry is
/// attempted, so no further session is sent (nothing is sent that the log cannot record).
/// Outcome entries are still tried, since each one only makes the log more complete. A write
/// failure is returned as a reason, never thrown: a session that was applied must still be
/// returned to the caller. Every entry is stamped with the run's <paramref name="target"/>.
/// </summary>
internal sealed class SubmissionAuditTrail(AuditLogWriter? writer, string? target = null)
{
    private string? _failure;

    /// <summary>Why the log could not be written, once it could not; null while it works.</summary>
    public string? Failure => Volatile.Read(ref _failure);

    public string Directory => writer?.Options.Directory ?? string.Empty;

    /// <summary>Writes a write-ahead entry; null when written, else why the session must not be sent.</summary>
    /// <exception cref="OperationCanceledException">Stopped while waiting for the lock; nothing was written.</exception>
    public async Task<string?> TryRecordSendingAsync(AuditEntry sending, CancellationToken cancellationToken)
    {
        if (writer is null) return null;
        if (Failure is { } earlier) return $"the audit log failed earlier in this run: {earlier}";
        return await TryAppendAsync([sending], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes outcome entries as one batch; null when written, else why not.</summary>
    public async Task<string?> TryRecordOutcomesAsync(IReadOnlyList<AuditEntry> outcomes)
    {
        if (writer is null) return null;
        return await TryAppendAsync(outcomes, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<string?> TryAppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries) entry.Target ??= target;
        try
        {
            await writer!.AppendAsync(entries, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            var reason = AuditText.Sanitize($"could not write to the audit log in '{writer!.Options.Directory}': {e.Message}")!;
            Interlocked.CompareExchange(ref _failure, reason, null);
            return reason;
        }
    }
}
