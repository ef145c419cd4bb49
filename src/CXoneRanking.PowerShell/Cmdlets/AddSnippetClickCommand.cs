using System.Diagnostics;
using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Infrastructure;
using CXoneRanking.PowerShell.Rows;
using CXoneRanking.Rows;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Records that an agent clicked a ranked snippet, in the audit log.</para>
/// <para type="description">Piped rows (CSV rows, objects, hashtables) with session_id, snippet_id and rank_position are appended in batches, so large imports are fast. A row that is not a valid click is reported as an InvalidClick error and the rest go on.</para>
/// </summary>
[Cmdlet(VerbsCommon.Add, "SnippetClick", DefaultParameterSetName = FromParameters)]
[OutputType(typeof(AuditEntry))]
public sealed class AddSnippetClickCommand : AuditLogCommandBase, IDisposable
{
    private const string FromParameters = "FromParameters";
    private const string FromPipeline = "FromPipeline";
    private const int BatchSize = 1000;
    private static readonly TimeSpan BatchAge = TimeSpan.FromMilliseconds(250);

    private readonly SnippetClickBatch _batch = new();
    private readonly Stopwatch _oldestPending = new();
    private AuditLogWriter? _writer;
    private ExpertClickRegistration? _expert;
    private int _inputNumber;
    private long _written;

    [Parameter(ParameterSetName = FromParameters, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = FromPipeline)]
    [Alias(RowColumns.SessionIdCsv)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public string SessionId { get; set; } = string.Empty;

    [Parameter(ParameterSetName = FromParameters, Mandatory = true, Position = 1)]
    [Alias(RowColumns.SnippetIdCsv)]
    [AllowEmptyString]
    public string SnippetId { get; set; } = string.Empty;

    /// <summary>The 1-based position the snippet was shown at.</summary>
    [Parameter(ParameterSetName = FromParameters, Mandatory = true, Position = 2)]
    [Alias(RowColumns.RankPositionCsv, RowColumns.RankPositionShort)]
    public int RankPosition { get; set; }

    /// <summary>A CSV row, object or hashtable with SessionId/session_id, SnippetId/snippet_id, RankPosition/rank_position and optionally Timestamp.</summary>
    [Parameter(ParameterSetName = FromPipeline, Mandatory = true, ValueFromPipeline = true)]
    public PSObject InputObject { get; set; } = null!;

    /// <summary>When the click happened; default now. For piped rows, used when a row has no timestamp.</summary>
    [Parameter]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Also register each piped click with CXone Expert as a selection (snippets from Search-CXoneExpert; docs/expert.md).</summary>
    [Parameter(ParameterSetName = FromPipeline)]
    public SwitchParameter Expert { get; set; }

    /// <summary>The Expert connection for -Expert; by default, this runspace's current one.</summary>
    [Parameter(ParameterSetName = FromPipeline)]
    public CXoneRanking.Expert.ExpertConnection? ExpertConnection { get; set; }

    /// <summary>Output each click entry once it is written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        var expert = Expert ? ExpertConnectionStore.Resolve(this, ExpertConnection) : null;
        _expert = expert is null ? null : new ExpertClickRegistration(this, expert);
        _writer = new AuditLogWriter(expert is null ? ResolveAuditDirectory() : AuditDirectory.Resolve(this, Path, connection: null, expert));
    }

    protected override void ProcessRecord()
    {
        _inputNumber++;
        var fromPipeline = ParameterSetName == FromPipeline;
        AuditEntry click;
        try
        {
            var now = Timestamp ?? DateTimeOffset.UtcNow;
            click = fromPipeline
                ? ClickInput.Create(RowCells.First(InputObject, RowColumns.ClickSessionId) ?? NonEmpty(SessionId),
                    RowCells.First(InputObject, RowColumns.ClickSnippetId),
                    RowCells.First(InputObject, RowColumns.ClickRankPosition), RowCells.First(InputObject, RowColumns.ClickTimestamp), now)
                : AuditEntry.Click(SessionId, SnippetId, RankPosition, now);
        }
        catch (ArgumentException e)
        {
            WriteError(new ErrorRecord(new ArgumentException($"Click {_inputNumber}: {e.Message}.", e), "InvalidClick",
                ErrorCategory.InvalidData, fromPipeline ? InputObject : $"{SessionId}/{SnippetId}#{RankPosition}"));
            return;
        }
        _expert?.Register(InputObject, click);
        if (_batch.Add(click) == 1) _oldestPending.Restart();
        if (_batch.Count >= BatchSize || _oldestPending.Elapsed >= BatchAge) Flush();
    }

    protected override void EndProcessing()
    {
        Flush();
        WriteVerbose($"Wrote {_written} click(s) to '{_writer!.Options.Directory}'.");
    }

    // Ctrl+C: whatever was accepted is still written; nothing more is output.
    protected override void StopProcessing()
    {
        _expert?.Stop();
        TryWriteRest();
    }

    public void Dispose() => TryWriteRest();

    private void Flush()
    {
        IReadOnlyList<AuditEntry> written;
        try { written = _batch.WriteTo(_writer!); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(
                new IOException($"Could not write to the audit log in '{_writer!.Options.Directory}': {e.Message} Clicks not written: {_batch.Count}.", e),
                "AuditWriteFailed", ErrorCategory.WriteError, _writer.Options.Directory));
            return;
        }
        _written += written.Count;
        if (PassThru) WriteObject(written, enumerateCollection: true);
    }

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;

    private void TryWriteRest()
    {
        if (_writer is null) return;
        try { _batch.WriteTo(_writer); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // best effort while stopping; no stream to report to
    }
}
