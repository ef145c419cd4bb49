using CXoneRanking.Metrics;

namespace CXoneRanking.Audit;

/// <summary>
/// The daily summary and checkpoint of a day whose files retention deleted go with them (docs/audit-log.md#daily-summaries):
/// a cache of a day no longer in the log would describe entries nobody can check.
/// </summary>
internal static class PrunedDaySummaries
{
    /// <summary>Deletes the summaries of <paramref name="day"/>, once no log file of it is left; called under the folder lock.</summary>
    public static List<string> Delete(string directory, DateTime day, List<string> problems)
    {
        var deleted = new List<string>();
        if (AuditLogFile.List(directory).Any(f => f.Day == day.Date)) return deleted; // the newest file is kept, with its day's summary
        // The store's own names, so the two can never disagree about which files are a day's.
        foreach (var name in new[] { DailySummaryStore.SummaryName(day), DailySummaryStore.CheckpointName(day) })
        {
            var path = Path.Combine(directory, DailySummaryStore.FolderName, name);
            if (!File.Exists(path)) continue;
            string? problem = null;
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = $"Could not delete the summary '{path}' of a deleted day: {e.Message}";
            }
            if (problem is null) deleted.Add(Path.Combine(DailySummaryStore.FolderName, name));
            else problems.Add(problem);
        }
        return deleted;
    }
}
