using System.Globalization;

namespace CXoneRanking.Audit;

/// <summary>
/// Exports an audit folder day by day into a destination shared by any number of folders (docs/audit-log.md#export):
/// <see cref="Plan"/> lists the days, <see cref="Check"/> says whether a day is unchanged since its last export without
/// reading it, and <see cref="Export"/> reads the day through <see cref="AuditLogReader"/> and writes its file under a
/// temporary name, renamed over the final one only when complete and different.
/// </summary>
internal sealed class AuditLogExporter
{
    private readonly IAuditDayWriterFactory _factory;

    /// <exception cref="PlatformNotSupportedException">Parquet where it cannot be loaded.</exception>
    public AuditLogExporter(string auditDirectory, string destination, AuditExportFormat format)
    {
        AuditDirectory = Path.GetFullPath(auditDirectory);
        Destination = Path.GetFullPath(destination);
        Format = format;
        _factory = AuditExportFormats.For(format);
    }

    public string AuditDirectory { get; }
    public string Destination { get; }
    public AuditExportFormat Format { get; }

    /// <summary>The log's days from <paramref name="sinceDay"/> (inclusive) to <paramref name="untilDay"/> (exclusive), oldest first.</summary>
    /// <exception cref="DirectoryNotFoundException">There is no audit folder.</exception>
    public IReadOnlyList<AuditExportPlan> Plan(DateTime? sinceDay, DateTime? untilDay, CancellationToken cancellationToken) =>
        AuditLogSnapshot.Take(AuditDirectory, cancellationToken).Files
            .Where(f => (sinceDay is not { } since || f.Key.Day >= since.Date) && (untilDay is not { } until || f.Key.Day < until))
            .GroupBy(f => f.Key.Day)
            .Select(day => new AuditExportPlan(day.Key, day.ToList()))
            .ToList();

    /// <summary>
    /// The day's outcome when nothing needs reading: Empty (no readable entry) or Unchanged (its record lists the same files
    /// and lengths, format and schema); null when the day must be read. Reads the day's first entry to name its file.
    /// </summary>
    public AuditExportDay? Check(AuditExportPlan plan, bool force, CancellationToken cancellationToken)
    {
        var reader = new AuditLogReader(AuditDirectory) { FileDays = day => day == plan.Day.Date };
        plan.FirstHash = reader.ReadEntries(cancellationToken).Select(e => e.Hash).FirstOrDefault(h => h is { Length: >= 64 });
        if (plan.FirstHash is null) return Result(plan, AuditExportAction.Empty, null, 0);
        var dataFile = DataFile(plan);
        if (force || AuditExportRecord.TryRead(dataFile) is not { } record || !Matches(record, plan)) return null;
        return record.Sources.SequenceEqual(AuditExportRecord.SourcesOf(plan.Files), StringComparer.Ordinal)
            ? Result(plan, AuditExportAction.Unchanged, dataFile, record.Entries)
            : null;
    }

    /// <summary>
    /// Reads the day and writes its file; Unchanged (and no file written) when its rows are those already exported, as
    /// after the day's files were compressed. A stopped run deletes its temporary file and leaves the old one as it was.
    /// </summary>
    public AuditExportDay Export(AuditExportPlan plan, bool force, CancellationToken cancellationToken, Action<long>? rowsWritten = null)
    {
        var dataFile = DataFile(plan);
        Directory.CreateDirectory(Path.GetDirectoryName(dataFile)!);
        var previous = force ? null : AuditExportRecord.TryRead(dataFile);
        var temporary = AtomicFile.TemporaryFor(dataFile);
        try
        {
            var (entries, lastHash) = WriteDay(plan, temporary, cancellationToken, rowsWritten);
            var record = new AuditExportRecord
            {
                SchemaVersion = AuditExportSchema.Version, Format = FormatName, Day = plan.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Sources = AuditExportRecord.SourcesOf(plan.Files), Entries = entries, FirstHash = plan.FirstHash, LastHash = lastHash,
                AuditPath = AuditDirectory, ExportedAt = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
            };
            var unchanged = previous is not null && Matches(previous, plan) && previous.LastHash == lastHash && previous.Entries == entries;
            if (!unchanged) AtomicFile.Commit(temporary, dataFile);
            record.Write(dataFile);
            return Result(plan, unchanged ? AuditExportAction.Unchanged : AuditExportAction.Written, dataFile, entries);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>The day's file in the destination (after <see cref="Check"/> named it).</summary>
    public string DataFile(AuditExportPlan plan) =>
        Path.Combine(Destination, plan.PartitionName, plan.FileName(_factory.Extension));

    private string FormatName => Format == AuditExportFormat.Parquet ? "parquet" : "jsonl";

    private bool Matches(AuditExportRecord record, AuditExportPlan plan) =>
        record.SchemaVersion == AuditExportSchema.Version && record.Format == FormatName && record.FirstHash == plan.FirstHash;

    private (long Entries, string? LastHash) WriteDay(AuditExportPlan plan, string temporary, CancellationToken cancellationToken,
        Action<long>? rowsWritten)
    {
        var reader = new AuditLogReader(AuditDirectory) { FileDays = day => day == plan.Day.Date, CandidatesFor = _ => true };
        long entries = 0;
        string? lastHash = null;
        using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            using var writer = _factory.Create(output);
            foreach (var entry in reader.ReadEntries(cancellationToken))
            {
                writer.Write(new AuditExportRow(entry, reader.CurrentFileName!));
                lastHash = entry.Hash ?? lastHash;
                if (++entries % 10_000 == 0) rowsWritten?.Invoke(entries);
            }
            writer.Complete();
            output.Flush(flushToDisk: true);
        }
        return (entries, lastHash);
    }

    private AuditExportDay Result(AuditExportPlan plan, AuditExportAction action, string? dataFile, long entries)
    {
        var bytes = dataFile is not null && File.Exists(dataFile) ? new FileInfo(dataFile).Length : 0;
        return new AuditExportDay(plan.Day, action, Format, dataFile, entries, bytes, plan.Files.Count);
    }
}
