using System.Diagnostics;
using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Audit;
using CXoneRanking.PowerShell.Completion;
using CXoneRanking.PowerShell.Connections;
using CXoneRanking.PowerShell.Errors;
using CXoneRanking.PowerShell.Expert;
using CXoneRanking.PowerShell.Rows;
using CXoneRanking.Rows;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Records that an agent clicked a ranked snippet, in the audit log.</summary>
// Silent without -PassThru, as Add-Content and Add-Member are; -Verbose sums up what was written.
[Cmdlet(VerbsCommon.Add, "SnippetClick", DefaultParameterSetName = FromParameters, SupportsShouldProcess = true)]
[OutputType(typeof(AuditEntry))]
public sealed class AddSnippetClickCommand : AuditLogCommandBase, IDisposable
{
    private const string FromParameters = "FromParameters";
    private const string FromPipeline = "FromPipeline";
    private const int BatchSize = 1000;
    private static readonly TimeSpan BatchAge = TimeSpan.FromMilliseconds(250);

    private readonly SnippetClickBatch _batch = new();
    private readonly UnrankedClickWarning _unranked = new();
    private readonly Stopwatch _oldestPending = new();
    private readonly AuditHousekeepingRun _housekeeping = new();
    private AuditLogWriter? _writer;
    private ExpertClickRegistration? _expert;
    private string? _auditFailure; // once set, no further click is written (the log fails closed)
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

    /// <summary>
    /// A CSV row, object or hashtable with SessionId/session_id, SnippetId/snippet_id, RankPosition/rank_position
    /// and optionally Timestamp.
    /// </summary>
    [Parameter(ParameterSetName = FromPipeline, Mandatory = true, ValueFromPipeline = true)]
    public PSObject InputObject { get; set; } = null!;

    /// <summary>When the click happened; default now. For piped rows, used when a row has no timestamp.</summary>
    [Parameter]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>
    /// Also register each piped click with CXone Expert as a selection (snippets from Search-CXoneExpert; docs/expert.md).
    /// In every parameter set, so that the named form binds and is refused with advice rather than by the binder.
    /// </summary>
    [Parameter]
    public SwitchParameter Expert { get; set; }

    /// <summary>The Expert connection for -Expert; by default, this runspace's current one. -Connection as on the other Expert cmdlets.</summary>
    [Parameter]
    [Alias("ExpertConnection")]
    public CXoneRanking.ExpertConnection? Connection { get; set; }

    /// <summary>Output each click entry once it is written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        // Named parameters carry no Expert query id: refused before anything is written, so that the
        // piped form the advice gives does not record the click twice.
        if (Expert && ParameterSetName == FromParameters)
            ThrowTerminatingError(ErrorRecords.InvalidArgument("ExpertClickNeedsRankedSnippet",
                $"Add-SnippetClick -Expert needs the ranked snippet piped, not -SnippetId '{SnippetId}': it carries the Expert query id "
                + $"the site needs. Nothing was recorded. Pipe it from the ranking shown: $ranked.Payload.Snippets | Where-Object SnippetId "
                + $"-eq '{SnippetId}' | Add-SnippetClick -SessionId {SessionId} -Expert", $"{SessionId}/{SnippetId}#{RankPosition}",
                "Pipe the snippet from the ranking shown: $ranked.Payload.Snippets | Where-Object SnippetId -eq '<page id>' | "
                + "Add-SnippetClick -SessionId <session> -Expert. Without -Expert the named form records the click in the audit log only."));
        var expert = Expert ? ExpertConnectionStore.Resolve(this, Connection) : null;
        _expert = expert is null ? null : new ExpertClickRegistration(this, expert);
        _writer = new AuditLogWriter(expert is null ? ResolveAuditDirectory() : AuditDirectory.Resolve(this, AuditPath, connection: null, expert));
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
            if (ClickInput.TimestampProblem(click.Timestamp, DateTimeOffset.UtcNow) is { } problem) throw new ArgumentException(problem);
        }
        catch (ArgumentException e)
        {
            WriteError(ErrorRecords.Create(new ArgumentException($"Click {_inputNumber}: {e.Message}.", e), "InvalidClick",
                ErrorCategory.InvalidData, fromPipeline ? InputObject : $"{SessionId}/{SnippetId}#{RankPosition}",
                "Correct the click the message names (session, snippet, a position of 1 or more, a time since 2000) and record it again."));
            return;
        }
        if (!ShouldProcess($"{click.SessionId}/{click.SnippetId}#{click.RankPosition}",
            _expert is null ? "Record a click in the audit log" : "Record a click in the audit log and register it with CXone Expert")) return;
        if (_auditFailure is not null)
        {
            WriteError(ClickNotWritten("AuditUnavailable", click, $"the audit log failed earlier in this run: {_auditFailure}"));
            return;
        }
        var selection = _expert?.Prepare(InputObject, click);
        if (_batch.Add(click) == 1) _oldestPending.Restart();
        // With -Expert each click is in the audit log before the site hears of it: nothing is sent
        // that the log does not record.
        if (_expert is not null || _batch.Count >= BatchSize || _oldestPending.Elapsed >= BatchAge) Flush();
        if (selection is not null && _auditFailure is null) _expert!.Send(selection, InputObject);
    }

    protected override void EndProcessing()
    {
        // A filter that matched nothing (say, a page the search did not return) would otherwise pass unnoticed.
        if (_inputNumber == 0) WriteWarning("Add-SnippetClick was given no click: its input was empty, so nothing was recorded.");
        Flush();
        WriteVerbose($"Wrote {_written} click(s) to '{_writer!.Options.Directory}'.");
        // Expert selections belong to Expert searches, not to rankings of this log.
        if (_expert is null) _unranked.Warn(this, _writer.Options.Directory);
        if (_auditFailure is null) _housekeeping.Run(this, _writer);
    }

    // Ctrl+C: whatever was accepted is still written; nothing more is output.
    protected override void StopProcessing()
    {
        _expert?.Stop();
        _housekeeping.Stop();
        TryWriteRest();
    }

    public void Dispose()
    {
        TryWriteRest();
        _housekeeping.Dispose();
    }

    // A batch that cannot be written is not in the log at all: each of its clicks is named in an
    // AuditWriteFailed error, and later clicks in AuditUnavailable errors without a try.
    private void Flush()
    {
        var (clicks, failure) = _batch.WriteTo(_writer!);
        if (failure is not null)
        {
            _auditFailure = $"could not write to the audit log in '{_writer!.Options.Directory}': {failure.Message}";
            foreach (var click in clicks) WriteError(ClickNotWritten("AuditWriteFailed", click, _auditFailure));
            return;
        }
        _written += clicks.Count;
        _unranked.Add(clicks);
        if (PassThru) WriteObject(clicks, enumerateCollection: true);
    }

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;

    // Best effort while stopping: no stream is left to report to. A failed batch is dropped, never retried.
    private void TryWriteRest()
    {
        if (_writer is not null && _auditFailure is null) _batch.WriteTo(_writer);
    }

    private ErrorRecord ClickNotWritten(string errorId, AuditEntry click, string reason)
    {
        var target = $"{click.SessionId}/{click.SnippetId}#{click.RankPosition}";
        var message = $"Click {target} was not recorded: {reason}";
        var action = $"Check the audit directory '{_writer!.Options.Directory}': it must be a folder you can write to. "
            + "Then add the click again.";
        return ErrorRecords.Create(new IOException(message), errorId, ErrorCategory.WriteError, target, action);
    }
}
