using System.Globalization;
using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.Expert;
using CXoneRanking.PowerShell.Async;
using CXoneRanking.PowerShell.Audit;
using CXoneRanking.PowerShell.Connections;
using CXoneRanking.PowerShell.Errors;
using CXoneRanking.PowerShell.Expert;
using CXoneRanking.PowerShell.Parameters;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Appends a CXone Expert site's search log (searches and the results selected after them) to the audit log.</summary>
[Cmdlet(VerbsData.Import, "CXoneExpertSearchLog", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ExpertImportSummary))]
public sealed class ImportCXoneExpertSearchLogCommand : AuditLogCommandBase, IDisposable
{
    private readonly CmdletAsyncBridge _async = new();
    private readonly AuditHousekeepingRun _housekeeping = new();

    /// <summary>Import searches at or after this time (a time without a zone is local); default one month before -Until.</summary>
    [Parameter]
    [InstantTransformation]
    public DateTime? Since { get; set; }

    /// <summary>Import searches before this time (exclusive); default now.</summary>
    [Parameter]
    [InstantTransformation]
    public DateTime? Until { get; set; }

    /// <summary>How many results the site shows an agent per search: a search's impressions are the smaller of this and its result count.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int ShownResults { get; set; } = ExpertSearchLogImport.DefaultShownResults;

    /// <summary>Searches asked for per request; a page too large to read is asked for again smaller, by itself.</summary>
    [Parameter]
    [ValidateRange(1, ExpertSearchLogRange.MaxPageSize)]
    public int PageSize { get; set; } = ExpertSearchLogRange.DefaultPageSize;

    /// <summary>A connection from Connect-CXoneExpert -PassThru; by default, this runspace's current one.</summary>
    [Parameter]
    public ExpertConnection? Connection { get; set; }

    protected override void EndProcessing()
    {
        var connection = ExpertConnectionStore.Resolve(this, Connection);
        // Checked once the defaults are filled in: -Since (Get-Date) is only empty once "now" is known.
        var range = new ExpertSearchLogRange
        {
            Since = TimeRangeParameters.ToOffset(Since),
            Before = TimeRangeParameters.ToOffset(Until),
            PageSize = PageSize,
        }.ResolveFor(connection);
        if (TimeRangeParameters.Reversed(range.Since, range.Before, Until is null ? "now" : null) is { } reversed)
        {
            ThrowTerminatingError(reversed);
            return;
        }
        var directory = AuditDirectory.Resolve(this, AuditPath, connection: null, connection);
        var action = string.Format(CultureInfo.InvariantCulture,
            "Import the searches of {0:u} to {1:u} from the search log of {2} into the audit log in '{3}'",
            range.Since, range.Before, connection.Site, directory);
        var write = ShouldProcess(action, action + "?", "Import-CXoneExpertSearchLog", out var reason);
        // -WhatIf still reads the site's log, to say what would be imported; a declined -Confirm reads nothing.
        if (!write && reason != ShouldProcessReason.WhatIf) return;
        var writer = new AuditLogWriter(directory);
        var import = new ExpertSearchLogImport(writer)
        {
            ShownResults = ShownResults, WhatIf = !write, Ignoring = reason => _async.Post(() => WriteVerbose(reason)),
        };
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
                $"Reading the search log failed: {e.Message} "
                + (import.WhatIf ? "Nothing was written (-WhatIf)." : "What was read before is in the audit log; run the import again to go on."),
                e, connection.Site));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(ErrorRecords.Create(new IOException($"Could not write to the audit log in '{directory}': {e.Message}", e),
                "AuditWriteFailed", ErrorCategory.WriteError, directory,
                "Check that the audit folder can be written to, then import again: entries already written are not imported twice."));
        }
        catch (OperationCanceledException)
        {
            return; // Ctrl+C: what was read is written; a re-run skips it
        }
        catch (ObjectDisposedException e)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                new InvalidOperationException(e.Message, e), "ConnectionClosed", ErrorCategory.InvalidOperation, connection,
                "Run Connect-CXoneExpert again, and pass the new connection (or none, to use the current one)."));
        }
        finally
        {
            progress.Complete();
        }
        WriteVerbose($"{summary}; {summary!.EntriesWritten} audit entries written to '{directory}'.");
        if (summary.Skipped > 0)
            WriteVerbose($"Skipped {summary.Skipped} search(es) whose query id is already in the audit log (imported before, or clicked "
                + $"through Add-SnippetClick -Expert); their new selections are still imported: {string.Join(", ", summary.SkippedExamples)}"
                + (summary.Skipped > summary.SkippedExamples.Count ? $" and {summary.Skipped - summary.SkippedExamples.Count} more." : "."));
        WriteObject(summary);
        _housekeeping.Run(this, writer);
    }

    protected override void StopProcessing()
    {
        _housekeeping.Stop();
        _async.Stop();
    }

    public void Dispose()
    {
        _async.Dispose();
        _housekeeping.Dispose();
    }
}
