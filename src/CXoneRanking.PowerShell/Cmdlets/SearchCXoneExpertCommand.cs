using System.Management.Automation;
using CXoneRanking.Expert;
using CXoneRanking.PowerShell.Async;
using CXoneRanking.PowerShell.Connections;
using CXoneRanking.PowerShell.Errors;
using CXoneRanking.PowerShell.Views;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// Searches a CXone Expert site and emits one snippet rank per result, in the site's order. Queries
/// piped into one session are merged once the pipeline ends: one rank per page, its best result kept
/// and the queries that found it in its metadata (ExpertSnippetRanks), so the session never holds a
/// snippet twice.
/// </summary>
[Cmdlet(VerbsCommon.Search, "CXoneExpert")]
[OutputType(typeof(SnippetRank))]
public sealed class SearchCXoneExpertCommand : PSCmdlet, IDisposable
{
    private readonly CmdletAsyncBridge _async = new();
    private readonly List<string?> _sessions = [];
    private readonly Dictionary<string, List<ExpertSearch>> _searches = new(StringComparer.Ordinal);

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
            WriteError(ErrorRecords.InvalidArgument("InvalidQuery", $"Cannot search for '{Query}': {e.Message}", Query,
                "Give a query of printable text."));
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (ObjectDisposedException e)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                new InvalidOperationException(e.Message, e), "ConnectionClosed", ErrorCategory.InvalidOperation, connection,
                "Run Connect-CXoneExpert again, and pass the new connection (or none, to use the current one)."));
            return;
        }
        WriteVerbose($"Expert {search}.");
        // Not an error (the site answered), but silence would read as "nothing happened".
        if (search!.Results.Count == 0) WriteWarning($"No results for '{Query}' on {connection.Site}: there is nothing to rank for it.");
        var session = SessionId ?? string.Empty;
        if (!_searches.TryGetValue(session, out var searches))
        {
            _searches[session] = searches = [];
            _sessions.Add(SessionId);
        }
        searches.Add(search!);
    }

    // A session's ranks wait for its last query: only then is each page's best result known.
    protected override void EndProcessing()
    {
        foreach (var session in _sessions)
        {
            var warnings = new List<string>();
            var ranks = ExpertSnippetRanks.From(_searches[session ?? string.Empty], session, warnings);
            foreach (var warning in warnings) WriteWarning(warning);
            WriteObject(ranks.Select(rank => TableVariant.Of(rank, TableVariant.ExpertSearch)), enumerateCollection: true);
        }
    }

    protected override void StopProcessing() => _async.Stop();

    public void Dispose() => _async.Dispose();
}
