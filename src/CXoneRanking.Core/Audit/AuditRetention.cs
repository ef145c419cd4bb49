namespace CXoneRanking.Audit;

/// <summary>
/// Which files the folder's policy deletes (docs/audit-log.md#rolling-retention-and-compression): those of days older than
/// RetentionDays before the writer's UTC day, then, only under a size cap, the oldest whole days until the folder fits.
/// Never the newest file (the chain's tail), and the cap never takes the current day or the newest file's day.
/// </summary>
internal static class AuditRetention
{
    public static List<(AuditLogFile File, AuditPruneReason Reason)> Plan(IReadOnlyList<AuditLogFile> files, AuditPolicy policy, DateTime today)
    {
        var plan = new List<(AuditLogFile, AuditPruneReason)>();
        if (files.Count == 0) return plan;
        var newest = files[files.Count - 1];
        var oldestKept = today.Date.AddDays(-policy.RetentionDays);
        var kept = new List<AuditLogFile>();
        foreach (var file in files)
        {
            if (file.Day < oldestKept && file != newest) plan.Add((file, AuditPruneReason.Retention));
            else kept.Add(file);
        }
        if (policy.MaxSizeBytes is not { } cap) return plan;
        var total = kept.Sum(SizeOf);
        foreach (var day in kept.GroupBy(f => f.Day))
        {
            if (total <= cap || day.Key >= today.Date || day.Key >= newest.Day) break;
            foreach (var file in day)
            {
                plan.Add((file, AuditPruneReason.SizeCap));
                total -= SizeOf(file);
            }
        }
        return plan;
    }

    /// <summary>
    /// Deletes <paramref name="planned"/> if it is still there and still not the newest file (another writer may have been
    /// first), its last hash anchored first; called under the folder lock. Null when there was nothing to delete.
    /// </summary>
    /// <exception cref="IOException">The anchor could not be written or the file not deleted (it is then kept).</exception>
    /// <exception cref="UnauthorizedAccessException">The same, for want of permission.</exception>
    public static AuditDeletedFile? DeleteOne(string directory, AuditLogFile planned, AuditPruneReason reason, DateTimeOffset now)
    {
        var files = AuditLogFile.List(directory);
        var index = files.FindIndex(f => string.Equals(f.Name, planned.Name, StringComparison.Ordinal));
        if (index < 0 || index == files.Count - 1) return null;
        var file = files[index];
        var bytes = SizeOf(file);
        // The anchor first: should the delete then fail, an extra anchor is harmless; a delete without one is tampering.
        if (LastHash(file.Path) is { } last) AuditAnchors.Record(directory, last, file.Name, now);
        File.Delete(file.Path);
        // An interrupted compression may have left the .gz twin of a raw file: it goes too, or it would be the oldest file next.
        if (!file.IsCompressed && File.Exists(file.CompressedPath)) File.Delete(file.CompressedPath);
        return new AuditDeletedFile(file.Name, file.Day, reason, bytes);
    }

    private static long SizeOf(AuditLogFile file)
    {
        var info = new FileInfo(file.Path);
        return info.Exists ? info.Length : 0;
    }

    private static string? LastHash(string path)
    {
        using var stream = RawLineReader.TryOpen(path);
        return stream is null ? null : AuditLogTail.LastHash(stream);
    }
}
