namespace CXoneRanking.Audit.Tests.Export;

/// <summary>Runs an export the way the cmdlet does: plan, check each day, export the days that need it.</summary>
internal static class ExportRunner
{
    public static List<AuditExportDay> Run(string auditPath, string destination, AuditExportFormat format, bool force = false,
        DateTime? since = null, DateTime? until = null)
    {
        var exporter = new AuditLogExporter(auditPath, destination, format);
        var results = new List<AuditExportDay>();
        foreach (var plan in exporter.Plan(since, until, CancellationToken.None))
            results.Add(exporter.Check(plan, force, CancellationToken.None) ?? exporter.Export(plan, force, CancellationToken.None));
        return results;
    }

    /// <summary>Every file under <paramref name="destination"/> with its last write time, to prove a run wrote nothing.</summary>
    public static Dictionary<string, DateTime> Files(string destination) =>
        System.IO.Directory.EnumerateFiles(destination, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f.Substring(destination.Length), File.GetLastWriteTimeUtc);
}
