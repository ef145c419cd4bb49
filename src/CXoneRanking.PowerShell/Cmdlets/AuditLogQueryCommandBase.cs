using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.Metrics;
using CXoneRanking.PowerShell.Audit;
using CXoneRanking.PowerShell.Parameters;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// What every cmdlet that computes something from the audit log shares: the time range, and one
/// streamed read of the log with progress, Ctrl+C, and a few warnings for unreadable lines.
/// </summary>
public abstract class AuditLogQueryCommandBase : AuditLogCommandBase, IDisposable
{
    private const int MaxWarnings = 10;

    protected AuditLogQueryCommandBase() => Reading = new AuditReadSession(this);

    /// <summary>Use entries at or after this time (a time without a zone is local, like Get-Date's).</summary>
    [Parameter]
    [InstantTransformation]
    public DateTime? Since { get; set; }

    /// <summary>Use entries before this time (exclusive).</summary>
    [Parameter]
    [InstantTransformation]
    public DateTime? Until { get; set; }

    /// <summary>
    /// True for a command that returns one answer and has none without the log (Measure-RankingChange): a missing log
    /// then stops it, so an unattended script cannot carry on with no answer and exit 0.
    /// </summary>
    protected virtual bool NeedsLog => false;

    /// <summary>This invocation's reads of the log: one Ctrl+C stops whichever is under way.</summary>
    private protected AuditReadSession Reading { get; }

    /// <summary>The filter every computation uses; a range that holds nothing is a terminating InvalidTimeRange.</summary>
    protected RankingMetricsFilter Filter(IEnumerable<string>? sessionIds = null)
    {
        var filter = new RankingMetricsFilter
        {
            Since = TimeRangeParameters.ToOffset(Since),
            Until = TimeRangeParameters.ToOffset(Until),
            SessionIds = sessionIds,
        };
        // Reversed, it would compute zeros that look like a quiet period.
        if (TimeRangeParameters.Reversed(filter.Since, filter.Until) is { } reversed) ThrowTerminatingError(reversed);
        return filter;
    }

    /// <summary>
    /// Streams the log's entries into <paramref name="consume"/>; null when there is no log (an
    /// error is written, terminating when <see cref="NeedsLog"/>) or the pipeline was stopped. <paramref name="filesRead"/> is for Verbose.
    /// <paramref name="candidatesFor"/> says which entries' candidates to read (<see cref="AuditLogReader.CandidatesFor"/>),
    /// <paramref name="hashCheckedFor"/> which to check against their own hash (<see cref="AuditLogReader.HashCheckedFor"/>).
    /// </summary>
    protected T? ReadLog<T>(Func<IEnumerable<AuditEntry>, T> consume, out string directory, out int filesRead,
        Func<AuditEntry, bool>? candidatesFor = null, Func<AuditEntry, bool>? hashCheckedFor = null) where T : class =>
        ReadLog((_, entries) => consume(entries), out directory, out filesRead, candidatesFor, hashCheckedFor);

    /// <summary>As above, with the reader, which tells the UTC day of the file each entry came from (<see cref="AuditLogReader.FileDay"/>).</summary>
    protected T? ReadLog<T>(Func<AuditLogReader, IEnumerable<AuditEntry>, T> consume, out string directory, out int filesRead,
        Func<AuditEntry, bool>? candidatesFor = null, Func<AuditEntry, bool>? hashCheckedFor = null) where T : class
    {
        filesRead = 0;
        AuditLogReader? reader = null;
        var result = ReadFolder((folder, stopping, progress) =>
        {
            reader = new AuditLogReader(folder) { CandidatesFor = candidatesFor, HashCheckedFor = hashCheckedFor };
            return consume(reader, reader.ReadEntries(stopping, progress));
        }, out directory);
        if (result is null) return null;
        WarnSkipped(reader!.SkippedLines);
        filesRead = reader.FilesRead;
        return result;
    }

    /// <summary>
    /// Runs <paramref name="read"/> on the resolved audit folder with progress and Ctrl+C; null when there is no log (an error is
    /// written, terminating when <see cref="NeedsLog"/>) or the pipeline was stopped.
    /// </summary>
    private protected T? ReadFolder<T>(Func<string, CancellationToken, IProgress<AuditReadProgress>, T> read, out string directory)
        where T : class
    {
        directory = ResolveAuditDirectory();
        if (!Directory.Exists(directory))
        {
            if (NeedsLog) ThrowTerminatingError(AuditLogNotFound(directory));
            WriteError(AuditLogNotFound(directory));
            return null;
        }
        var folder = directory;
        return Reading.Read(directory, $"Reading the audit log in {directory}", (stopping, progress) => read(folder, stopping, progress));
    }

    /// <summary>A warning for each of the first few lines that could not be read, and how many more.</summary>
    private protected void WarnSkipped(IReadOnlyList<SkippedLine> skipped)
    {
        foreach (var line in skipped.Take(MaxWarnings))
            WriteWarning($"Skipped {line}");
        if (skipped.Count > MaxWarnings)
            WriteWarning($"Skipped {skipped.Count - MaxWarnings} more lines; Test-RankingAuditLog lists them all.");
    }

    /// <summary>" between A and B" (or " since A", " before B", ""), for messages about an empty result.</summary>
    protected string RangeText() => (Since, Until) switch
    {
        ({ } since, { } until) => $" between {since:o} and {until:o}",
        ({ } since, null) => $" since {since:o}",
        (null, { } until) => $" before {until:o}",
        _ => "",
    };

    protected override void StopProcessing() => Reading.Stop();

    /// <summary>PowerShell disposes the cmdlet when the pipeline ends, stopped or not.</summary>
    public void Dispose() => Reading.Dispose();
}
