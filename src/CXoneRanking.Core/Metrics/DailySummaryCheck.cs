using CXoneRanking.Audit;

namespace CXoneRanking.Metrics;

/// <summary>
/// Test-RankingAuditLog's check of the daily summaries (docs/audit-log.md#daily-summaries): each summary's last hash must
/// be the hash of the last entry of its day's files. One that is not (the day's files were replaced, or the summary was
/// edited), or whose day has no file any more, or that cannot be read, is deleted, so no reader merges it; the next
/// unfiltered Get-RankingMetrics reads that day raw and writes it again.
/// </summary>
internal static class DailySummaryCheck
{
    /// <summary>What was wrong with each summary deleted, one line each, oldest day first.</summary>
    public static IReadOnlyList<string> RemoveMismatched(string directory)
    {
        var store = new DailySummaryStore(directory);
        var filesByDay = AuditLogFile.List(directory).GroupBy(f => f.Day).ToDictionary(g => g.Key, g => g.ToList());
        var removed = new List<string>();
        foreach (var day in store.SummarisedDays().ToList())
        {
            var name = DailySummaryStore.SummaryName(day);
            var summary = store.TryRead(day, out var problem);
            string? why = summary is null ? problem
                : !filesByDay.TryGetValue(day, out var files) ? "its day has no log file any more"
                : AuditLogTail.LastHash(files) is var last && !string.Equals(last, summary.LastHash, StringComparison.Ordinal)
                    ? $"its last hash {Short(summary.LastHash)} is not the hash of the day's last entry, {Short(last)}"
                    : null;
            if (why is null) continue;
            try
            {
                store.Delete(day);
                removed.Add($"{name}: {why}; deleted (the next Get-RankingMetrics reads the day raw and summarises it again).");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                removed.Add($"{name}: {why}; could not be deleted ({e.Message}).");
            }
        }
        return removed;
    }

    private static string Short(string? hash) => hash is null ? "(none)" : hash.Length > 12 ? hash.Substring(0, 12) + "..." : hash;
}
