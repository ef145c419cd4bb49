using System.Management.Automation;
using CXoneRanking.Expert;
using CXoneRanking.PowerShell.Async;
using CXoneRanking.PowerShell.Connections;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Searches a CXone Expert site and emits one snippet rank per result, in the site's order.</summary>
[Cmdlet(VerbsCommon.Search, "CXoneExpert")]
[OutputType(typeof(SnippetRank))]
public sealed class SearchCXoneExpertCommand : PSCmdlet, IDisposable
{
    private readonly CmdletAsyncBridge _async = new();

    /// <summary>What to search for.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, 1000)]
    public string Query { get; set; } = string.Empty;

    /// <summary>How many results to ask for, 1..100.</summary>
    [Parameter]
    [ValidateRange(1, 100)]
    public int Limit { get; set; } = 10;

    /// <summary>The agent session the ranks are for (their SessionId).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("session_id")]
    [ValidateNotNullOrEmpty]
    public string? SessionId { get; set; }

    /// <summary>A connection from Connect-CXoneExpert -PassThru; by default, this runspace's current one.</summary>
    [Parameter]
    public ExpertConnection? Connection { get; set; }

    protected override void ProcessRecord()
    {
        var connection = ExpertConnectionStore.Resolve(this, Connection);
        ExpertSearch? search = null;
        if (_async.IsStopped) return;
        try
        {
            _async.Run(async stop => search = await connection.SearchAsync(Query, Limit, 0, stop).ConfigureAwait(false));
        }
        catch (ExpertApiException e)
        {
            WriteError(ExpertErrorRecords.For("ExpertSearchFailed", $"The search for '{Query}' failed: {e.Message}", e, Query));
            return;
        }
        catch (ArgumentException e)
        {
            WriteError(ErrorRecords.InvalidArgument("InvalidQuery", $"Cannot search for '{Query}': {e.Message}", Query));
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (ObjectDisposedException e)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                new InvalidOperationException(e.Message, e), "ConnectionClosed", ErrorCategory.InvalidOperation, connection));
            return;
        }
        WriteVerbose($"Expert {search}.");
        var warnings = new List<string>();
        var ranks = ExpertSnippetRanks.From(search!, SessionId, warnings);
        foreach (var warning in warnings) WriteWarning($"Search '{Query}': {warning}");
        WriteObject(ranks, enumerateCollection: true);
    }

    protected override void StopProcessing() => _async.Stop();

    public void Dispose() => _async.Dispose();
}
