namespace CXoneRanking.Audit.Tests.Export;

/// <summary>The export's incremental rule and its files, in the JSON Lines format (Core's own, so this runs on .NET Framework too).</summary>
public sealed class AuditExportTests : IDisposable
{
    private readonly TempDirectory _root = new();

    private string Audit => _root.Sub("audit");
    private string Destination => _root.Sub("export");

    [Fact]
    public void EachDayOfTheLogIsOneFileInItsPartition()
    {
        ExportLog.Days(Audit, days: 3, sessionsPerDay: 5);

        var days = ExportRunner.Run(Audit, Destination, AuditExportFormat.JsonLines);

        Assert.All(days, d => Assert.Equal(AuditExportAction.Written, d.Action));
        Assert.Equal(["day=2026-11-25", "day=2026-11-26", "day=2026-11-27"],
            Directory.GetDirectories(Destination).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Matches(@"^cxone-audit-20261125-[0-9a-f]{16}\.jsonl$", Path.GetFileName(days[0].Path));
        Assert.Equal(File.ReadAllLines(days[0].Path!).Length, days[0].Entries);
        Assert.Equal(Entries.AllLines(Audit).Length, days.Sum(d => d.Entries));
    }

    [Fact]
    public void ARowHoldsEveryColumnInSchemaOrder()
    {
        ExportLog.Days(Audit, days: 1, sessionsPerDay: 1);

        var day = ExportRunner.Run(Audit, Destination, AuditExportFormat.JsonLines).Single();

        using var row = System.Text.Json.JsonDocument.Parse(File.ReadLines(day.Path!).First());
        Assert.Equal(AuditExportSchema.Columns.Select(c => c.Name), row.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-11-25T19:07:58.123Z", row.RootElement.GetProperty("timestamp").GetString());
        Assert.Equal(3, row.RootElement.GetProperty("snippets").GetArrayLength());
        Assert.Equal("cxone-audit-20261125.jsonl", row.RootElement.GetProperty("audit_file").GetString());
    }

    [Fact]
    public void ARunOverAnUnchangedLogWritesNothing()
    {
        ExportLog.Days(Audit, days: 3, sessionsPerDay: 5);
        ExportRunner.Run(Audit, Destination, AuditExportFormat.JsonLines);
        var before = ExportRunner.Files(Destination);

        var again = ExportRunner.Run(Audit, Destination, AuditExportFormat.JsonLines);

        Assert.All(again, d => Assert.Equal(AuditExportAction.Unchanged, d.Action));
        Assert.Equal(before, ExportRunner.Files(Destination));
    }

    [Fact]
    public void ForceWritesEveryDayAgain()
    {
        ExportLog.Days(Audit, days: 2, sessionsPerDay: 5);
        ExportRunner.Run(Audit, Destination, AuditExportFormat.JsonLines);

        var again = ExportRunner.Run(Audit, Destination, AuditExportFormat.JsonLines, force: true);

        Assert.All(again, d => Assert.Equal(AuditExportAction.Written, d.Action));
    }

    [Fact]
    public void SinceAndUntilPickDaysOfTheFiles()
    {
        ExportLog.Days(Audit, days: 4, sessionsPerDay: 2);

        var days = ExportRunner.Run(Audit, Destination, AuditExportFormat.JsonLines,
            since: new DateTime(2026, 11, 26), until: new DateTime(2026, 11, 28));

        Assert.Equal([new DateTime(2026, 11, 26), new DateTime(2026, 11, 27)], days.Select(d => d.Day));
    }

    [Fact]
    public void AStoppedExportLeavesNoFileUnderAFinalName()
    {
        ExportLog.Days(Audit, days: 2, sessionsPerDay: 5);
        var exporter = new AuditLogExporter(Audit, Destination, AuditExportFormat.JsonLines);
        var plan = exporter.Plan(null, null, CancellationToken.None)[0];
        Assert.Null(exporter.Check(plan, force: false, CancellationToken.None));
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => exporter.Export(plan, force: false, stopped.Token));

        Assert.Empty(Directory.EnumerateFiles(Destination, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void AFormatCoreCannotLoadIsNamed()
    {
        // Core alone (no CXoneRanking.Parquet beside it) is what Windows PowerShell 5.1 has.
        if (Type.GetType("CXoneRanking.Audit.ParquetDayWriterFactory, CXoneRanking.Parquet") is not null) return;
        var error = Assert.Throws<PlatformNotSupportedException>(() => new AuditLogExporter(Audit, Destination, AuditExportFormat.Parquet));
        Assert.Contains("PowerShell 7.6", error.Message);
    }

    public void Dispose() => _root.Dispose();
}
