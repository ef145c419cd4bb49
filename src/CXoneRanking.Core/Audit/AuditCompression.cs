namespace CXoneRanking.Audit;

/// <summary>
/// Compresses the files of closed days (docs/audit-log.md#compressed-closed-days), one file at a time, each under
/// the folder lock, and settles what an interrupted run left: a leftover <c>.gz.tmp</c> is deleted; where both
/// <c>X.jsonl</c> and <c>X.jsonl.gz</c> are there, the <c>.jsonl</c> is deleted when the two hold the same bytes, else the
/// <c>.gz</c> is deleted and the file compressed again. The newest file (the chain's tail) is never touched. What is to do
/// is listed without the lock and checked again under it, so two runs at once (threads or processes) do each file once.
/// </summary>
internal static class AuditCompression
{
    public const string TemporarySuffix = ".tmp";

    /// <summary>
    /// Compresses every file of a day at least <paramref name="compressAfterDays"/> before <paramref name="now"/>'s UTC day
    /// (0: none) but the newest, and settles interrupted compressions. Never throws for a file: each problem is in the
    /// result and the run goes on. A lock not had within <paramref name="lockTimeout"/> ends the run (a problem), as
    /// <paramref name="cancellationToken"/> does between files (<see cref="AuditCompressionResult.Cancelled"/>).
    /// </summary>
    public static AuditCompressionResult Run(string directory, int compressAfterDays, DateTimeOffset now, TimeSpan lockTimeout,
        CancellationToken cancellationToken)
    {
        var result = new AuditCompressionResult();
        if (compressAfterDays <= 0 || !Directory.Exists(directory)) return result;
        var lastDay = now.UtcDateTime.Date.AddDays(-compressAfterDays);
        foreach (var path in Pending(directory, lastDay))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                result.Cancelled = true;
                break;
            }
            AuditDirectoryLock held;
            try
            {
                held = AuditDirectoryLock.Acquire(directory, lockTimeout, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                result.Cancelled = true;
                break;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                result.Failed($"Compression stopped, left for the next run: {e.Message}");
                break;
            }
            using (held) Settle(directory, path, lastDay, result);
        }
        return result;
    }

    // Leftover temporary files first, then each file that is a candidate, oldest first (by its raw path).
    private static List<string> Pending(string directory, DateTime lastDay)
    {
        var pending = Directory.EnumerateFiles(directory, "cxone-audit-*" + AuditLogFile.CompressedSuffix + TemporarySuffix).ToList();
        var files = AuditLogFile.List(directory);
        for (var i = 0; i < files.Count - 1; i++)
            if (!files[i].IsCompressed && (files[i].Day <= lastDay || File.Exists(files[i].CompressedPath))) pending.Add(files[i].Path);
        return pending;
    }

    private static void Settle(string directory, string path, DateTime lastDay, AuditCompressionResult result)
    {
        try
        {
            if (path.EndsWith(TemporarySuffix, StringComparison.Ordinal))
            {
                if (!File.Exists(path)) return;
                File.Delete(path);
                result.Repaired($"Deleted {Path.GetFileName(path)}, left by a compression that was interrupted.");
                return;
            }
            var files = AuditLogFile.List(directory);
            var index = files.FindIndex(f => string.Equals(f.Path, path, StringComparison.Ordinal));
            // Done meanwhile by another run, deleted by retention, or the newest file again (never compressed).
            if (index < 0 || index == files.Count - 1) return;
            var file = files[index];
            if (File.Exists(file.CompressedPath) && !SettlePair(file, result)) return;
            if (file.Day <= lastDay) AuditFileCompressor.Compress(file, result);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result.Failed($"{Path.GetFileName(path)} was left as it is: {e.Message}");
        }
    }

    // Both X.jsonl and X.jsonl.gz: true when the .gz was deleted and X.jsonl is to be compressed again.
    private static bool SettlePair(AuditLogFile file, AuditCompressionResult result)
    {
        var gz = Path.GetFileName(file.CompressedPath);
        if (AuditFileCompressor.SameContent(file.Path, file.CompressedPath, out var difference))
        {
            File.Delete(file.Path);
            result.Repaired($"Deleted {file.Name}: {gz} beside it holds the same bytes (a compression interrupted before its delete).");
            return false;
        }
        File.Delete(file.CompressedPath);
        result.Repaired($"Deleted {gz}: it does not hold the bytes of {file.Name} beside it ({difference}); {file.Name} is compressed again.");
        return true;
    }
}
