using System.Collections;
using System.Globalization;
using System.Management.Automation;
using CXoneRanking.Expert;
using CXoneRanking.PowerShell.Async;
using CXoneRanking.PowerShell.Errors;
using CXoneRanking.PowerShell.Rows;

namespace CXoneRanking.PowerShell.Expert;

/// <summary>
/// Add-SnippetClick -Expert: registers a click on a snippet from Search-CXoneExpert as a selection
/// on the Expert site, with the position the agent saw (the click's position in the ranking shown,
/// not the site's), and notes the query id on the click's audit entry. A failure is a
/// non-terminating ExpertSelectionFailed error: the click's audit entry stays.
/// </summary>
internal sealed class ExpertClickRegistration(PSCmdlet cmdlet, ExpertConnection connection)
{
    // Never disposed: its only resource is a CancellationTokenSource with no timer, which holds none.
    private readonly CmdletAsyncBridge _async = new();

    /// <summary>
    /// Reads what the selection needs from <paramref name="row"/> and notes it on <paramref name="click"/>;
    /// null, after an ExpertSelectionFailed error, when the row cannot be registered.
    /// </summary>
    public ExpertSelectionRequest? Prepare(PSObject row, AuditEntry click)
    {
        var request = ExpertSelectionRequest.From(click.SnippetId!, click.RankPosition ?? 0, key => Metadata(row, key), out var problem);
        if (request is null)
        {
            cmdlet.WriteError(ErrorRecords.Create(new ArgumentException($"Cannot register the click on '{click.SnippetId}' with Expert: {problem}."),
                "ExpertSelectionFailed", ErrorCategory.InvalidData, row,
                "Pipe the snippet ranks Search-CXoneExpert made (they carry expert_query_id), or register the click without -Expert."));
            return null;
        }
        click.ExpertQueryId = request.QueryId;
        click.ExpertRank = request.Rank;
        return request;
    }

    /// <summary>Registers a prepared selection with the site; called once its click is in the audit log.</summary>
    public void Send(ExpertSelectionRequest request, PSObject row)
    {
        if (_async.IsStopped) return;
        try
        {
            _async.Run(stop => connection.RegisterSelectionAsync(request.QueryId, request.PageId, request.Rank, request.Position, stop));
            cmdlet.WriteVerbose($"Registered the selection of {request} with {connection.Site}.");
        }
        catch (ExpertApiException e)
        {
            cmdlet.WriteError(ExpertErrorRecords.For("ExpertSelectionFailed",
                $"Could not register the selection of {request} with Expert: {e.Message} The click is still in the audit log.", e, row));
        }
        catch (Exception e) when (e is ArgumentException or ObjectDisposedException)
        {
            cmdlet.WriteError(ErrorRecords.Create(new InvalidOperationException($"Could not register the selection of {request}: {e.Message}", e),
                "ExpertSelectionFailed", ErrorCategory.InvalidOperation, row,
                "Connect-CXoneExpert again and register the click again; the click itself is already in the audit log."));
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C
        }
    }

    public void Stop() => _async.Stop();

    // A snippet's metadata (a RankedSnippet's or SnippetRank's Metadata), else a column of the row itself.
    private static string? Metadata(PSObject row, string key)
    {
        var value = RowCells.First(row, ["Metadata"]) switch
        {
            IReadOnlyDictionary<string, string> metadata => metadata.TryGetValue(key, out var text) ? text : null,
            IDictionary dictionary => dictionary.Contains(key) ? RowCells.Unwrap(dictionary[key]) : null,
            _ => null,
        } ?? RowCells.First(row, [key]);
        return value switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}
