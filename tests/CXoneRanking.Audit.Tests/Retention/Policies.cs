namespace CXoneRanking.Audit.Tests.Retention;

/// <summary>Policy files and long logs for retention tests, written as an admin's editor or a past module would.</summary>
internal static class Policies
{
    public const string FileName = ".cxone-audit.policy.json";

    public static string PathIn(string directory) => Path.Combine(directory, FileName);

    /// <summary>Writes the policy file's text as given (valid or not), bypassing the product's writer.</summary>
    public static void Write(string directory, string json) => File.WriteAllText(PathIn(directory), json);

    public static void Write(string directory, int retentionDays, int? maxSizeMB = null) =>
        Write(directory, $"{{\"version\":1,\"retention_days\":{retentionDays},\"compress_after_days\":1,"
            + $"\"max_size_mb\":{(maxSizeMB is { } mb ? mb.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")}}}");

    /// <summary>One file per day for <paramref name="days"/> days from <see cref="Entries.T0"/>, each of <paramref name="clicksPerDay"/> clicks.</summary>
    public static void WriteDays(AuditLogWriter writer, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, int days, int clicksPerDay = 1)
    {
        for (var day = 0; day < days; day++)
        {
            writer.Append([.. Enumerable.Range(0, clicksPerDay).Select(i => Entries.Click($"s-{day}-{i}", "KB-1", 1))]);
            if (day < days - 1) clock.Advance(TimeSpan.FromDays(1));
        }
    }

    /// <summary>The audit.pruned entries of the log, in chain order.</summary>
    public static List<AuditEntry> PrunedEntries(string directory) =>
        new AuditLogReader(directory).ReadEntries().Where(e => e.Event == AuditEvent.AuditPruned).ToList();

    public static int AnchorLines(string directory)
    {
        var path = Path.Combine(directory, AuditAnchors.FileName);
        return File.Exists(path) ? File.ReadAllLines(path).Length : 0;
    }
}
