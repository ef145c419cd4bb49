using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.Expert;
using CXoneRanking.PowerShell.Async;
using CXoneRanking.PowerShell.Audit;
using CXoneRanking.PowerShell.Connections;
using CXoneRanking.PowerShell.Errors;
using CXoneRanking.PowerShell.Expert;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Appends a CXone Expert site's search log (searches and the results selected after them) to the audit log.</summary>
[Cmdlet(VerbsData.Import, "CXoneExpertSearchLog")]
[OutputType(typeof(ExpertImportSummary))]
public sealed class ImportCXoneExpertSearchLogCommand : AuditLogCommandBase, IDisposable
{
    private readonly CmdletAsyncBridge _async = new();

    /// <summary>Import searches at or after this time (a time without a zone is local); default one month before -Until.</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Import searches before this time (exclusive); default now.</summary>
    [Parameter]
    public DateTime? Until { get; set; }

    /// <summary>How many results the site shows an agent per search: a search's impressions are the smaller of this and its result count.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int ShownResults { get; set; } = ExpertSearchLogImport.DefaultShownResults;

    /// <summary>A connection from Connect-CXoneExpert -PassThru; by default, this runspace's current one.</summary>
    [Parameter]
    public ExpertConnection? Connection { get; set; }

    protected override void EndProcessing()
    {
        var connection = ExpertConnectionStore.Resolve(this, Connection);
        var range = new ExpertSearchLogRange
        {
            Since = Since is { } since ? new DateTimeOffset(since) : null,
            Before = Until is { } until ? new DateTimeOffset(until) : null,
        };
        if (range.Problem() is { } problem)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidRange", $"Cannot import the search log: {problem}.", range));
            return;
        }
        var directory = AuditDirectory.Resolve(this, AuditPath, connection: null, connection);
        var import = new ExpertSearchLogImport(new AuditLogWriter(directory)) { ShownResults = ShownResults };
        var progress = new ExpertImportProgressReporter(this, _async, $"Importing the search log of {connection.Site}");
        ExpertImportSummary? summary = null;
        try
        {
            WriteVerbose($"Importing the search log of {connection.Site} into '{directory}'.");
            _async.Run(async stop => summary = await import.ImportAsync(connection, range, progress, stop).ConfigureAwait(false));
        }
        catch (ExpertApiException e)
        {
            ThrowTerminatingError(ExpertErrorRecords.For("ExpertSearchLogFailed",
                $"Reading the search log failed: {e.Message} What was read before is in the audit log; run the import again to go on.",
                e, connection.Site));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(ErrorRecords.Create(new IOException($"Could not write to the audit log in '{directory}': {e.Message}", e),
                "AuditWriteFailed", ErrorCategory.WriteError, directory));
        }
        catch (OperationCanceledException)
        {
            return; // Ctrl+C: what was read is written; a re-run skips it
        }
        catch (ObjectDisposedException e)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                new InvalidOperationException(e.Message, e), "ConnectionClosed", ErrorCategory.InvalidOperation, connection));
        }
        finally
        {
            progress.Complete();
        }
        WriteVerbose($"{summary}; {summary!.EntriesWritten} audit entries written to '{directory}'.");
        WriteObject(summary);
    }

    protected override void StopProcessing() => _async.Stop();

    public void Dispose() => _async.Dispose();
}
