using CXoneRanking.Audit;

namespace CXoneRanking.Api;

/// <summary>
/// One run's audit log, failing closed: once a write fails, no further write-ahead entry is
/// attempted, so no further session is sent (nothing is sent that the log cannot record).
/// Outcome entries are still tried, since each one only makes the log more complete. A write
/// failure is returned as a reason, never thrown: a session that was applied must still be
/// returned to the caller. Every entry is stamped with the run's <paramref name="target"/>. Each rule set an entry
/// references is recorded once per run (a ranking.directives entry), in the batch of the first entry that references it,
/// so the set is in the log whenever a ranking made with it is.
/// </summary>
internal sealed class SubmissionAuditTrail(AuditLogWriter? writer, string? target = null)
{
    private readonly HashSet<string> _recordedSets = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _setsGate = new(1, 1);
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
        if (!entries.Any(IsNewSet)) return await TryWriteAsync(entries, cancellationToken).ConfigureAwait(false);
        // One batch at a time while a set is new, so two sessions ranked with it at once do not both record it.
        await _setsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var sets = entries.Where(IsNewSet).Select(e => e.Directives!).GroupBy(set => set.Hash).Select(g => g.First()).ToList();
            var batch = sets.Select(set => AuditEntry.RankingDirectives(set, entries[0].Timestamp)).Concat(entries).ToList();
            var problem = await TryWriteAsync(batch, cancellationToken).ConfigureAwait(false);
            if (problem is null) lock (_recordedSets) _recordedSets.UnionWith(sets.Select(set => set.Hash));
            return problem;
        }
        finally
        {
            _setsGate.Release();
        }
    }

    private bool IsNewSet(AuditEntry entry)
    {
        if (entry.Directives is not { } set || entry.Event == AuditEvent.RankingDirectives) return false;
        lock (_recordedSets) return !_recordedSets.Contains(set.Hash);
    }

    private async Task<string?> TryWriteAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
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
