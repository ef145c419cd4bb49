using System.Globalization;

namespace CXoneRanking.Audit;

/// <summary>
/// The daily summary and checkpoint of a day whose files retention deleted go with them (docs/audit-log.md#daily-summaries):
/// a cache of a day no longer in the log would describe entries nobody can check.
/// </summary>
internal static class PrunedDaySummaries
{
    public const string FolderName = ".cxone-summaries";

    /// <summary>Deletes the summaries of <paramref name="day"/>, once no log file of it is left; called under the folder lock.</summary>
    public static List<string> Delete(string directory, DateTime day, List<string> problems)
    {
        var deleted = new List<string>();
        if (AuditLogFile.List(directory).Any(f => f.Day == day.Date)) return deleted; // the newest file is kept, with its day's summary
        var stamp = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        foreach (var name in new[] { $"cxone-summary-{stamp}.json", $"cxone-summary-checkpoint-{stamp}.json.gz" })
        {
            var path = Path.Combine(directory, FolderName, name);
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
            if (problem is null) deleted.Add(Path.Combine(FolderName, name));
            else problems.Add(problem);
        }
        return deleted;
    }
}
