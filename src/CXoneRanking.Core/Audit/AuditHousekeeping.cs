using System.Globalization;

namespace CXoneRanking.Audit;

/// <summary>
/// Retention, then compression, after a run's own entries are written (docs/audit-log.md#rolling-retention-and-compression).
/// Each file is one step under the folder lock, so other writers wait for one file at most; each delete is anchored, and
/// one audit.pruned entry then records them all. Nothing here throws for the folder's sake: problems are reported in the
/// result, and whatever is left is done by the next writer.
/// </summary>
internal static class AuditHousekeeping
{
    public static AuditHousekeepingResult Run(AuditLogWriter writer, CancellationToken cancellationToken)
    {
        var directory = writer.Options.Directory;
        var result = new AuditHousekeepingResult(directory);
        if (!Directory.Exists(directory)) return result;
        try
        {
            result.Policy = AuditPolicyFile.Read(directory);
        }
        catch (AuditPolicyInvalidException e)
        {
            result.PolicyProblem = e.Message; // never guessed at: nothing is deleted or compressed
            return result;
        }
        var problems = new List<string>();
        var now = writer.Options.TimeProvider.GetUtcNow();
        Prune(writer, result, now, problems, cancellationToken);
        // After retention, so no file about to be deleted is compressed first.
        var compression = AuditCompression.Run(directory, result.Policy.CompressAfterDays, now, writer.Options.LockTimeout, cancellationToken);
        result.Compressed = compression.Compressed.Select(f => f.ToString()).Concat(compression.Repairs).ToList();
        result.CompressionProblems = compression.Problems.ToList();
        result.Problems = problems;
        return result;
    }

    private static void Prune(AuditLogWriter writer, AuditHousekeepingResult result, DateTimeOffset now, List<string> problems,
        CancellationToken cancellationToken)
    {
        var directory = writer.Options.Directory;
        var deleted = new List<AuditDeletedFile>();
        foreach (var (file, reason) in AuditRetention.Plan(AuditLogFile.List(directory), result.Policy!, now.UtcDateTime.Date))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                problems.Add("Housekeeping was stopped; the next writer deletes the rest.");
                break;
            }
            if (!Locked(writer, problems, () => AuditRetention.DeleteOne(directory, file, reason, now), $"delete '{file.Name}'", out var gone))
            {
                if (gone.TimedOut) break; // every further file would wait as long
                continue;
            }
            if (gone.Value is { } one) deleted.Add(one);
        }
        result.Deleted = deleted;
        if (deleted.Count == 0) return;
        var entry = AuditEntry.Pruned(deleted.Select(f => f.Name).ToList(), Note(deleted, result.Policy!), now);
        if (Locked(writer, problems, () => { writer.WriteLocked([entry], directory); return entry; }, "write the audit.pruned entry", out _))
            result.PrunedEntry = entry;
        var summaries = new List<string>();
        foreach (var day in result.DeletedDays)
            if (Locked(writer, problems, () => PrunedDaySummaries.Delete(directory, day, problems), "delete a deleted day's summaries", out var gone))
                summaries.AddRange(gone.Value!);
        result.DeletedSummaries = summaries;
    }

    /// <summary>Runs <paramref name="step"/> under the folder lock; false with the problem noted when it or the lock failed.</summary>
    private static bool Locked<T>(AuditLogWriter writer, List<string> problems, Func<T> step, string what, out (T? Value, bool TimedOut) outcome)
    {
        var directory = writer.Options.Directory;
        var locked = false;
        try
        {
            // No cancellation here: a step once started (a delete and its entry) is finished, as a batch is.
            using (AuditDirectoryLock.Acquire(directory, writer.Options.LockTimeout, CancellationToken.None))
            {
                locked = true;
                outcome = (step(), false);
                return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"Could not {what} in '{directory}': {e.Message}");
            outcome = (default, !locked);
            return false;
        }
    }

    private static string Note(List<AuditDeletedFile> deleted, AuditPolicy policy)
    {
        var byAge = deleted.Count(f => f.Reason == AuditPruneReason.Retention);
        var age = string.Format(CultureInfo.InvariantCulture, "older than the retention of {0} days", policy.RetentionDays);
        var cap = string.Format(CultureInfo.InvariantCulture, "the oldest days over the size cap of {0} MB", policy.MaxSizeMB);
        var why = byAge == deleted.Count ? age
            : byAge == 0 ? cap
            : string.Format(CultureInfo.InvariantCulture, "the first {0} {1}; the other {2} {3}", byAge, age, deleted.Count - byAge, cap);
        return $"{why} (policy {AuditPolicyFile.FileName})";
    }
}
