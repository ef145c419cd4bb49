using System.Management.Automation;
using CXoneRanking.Audit;
using CXoneRanking.History;
using CXoneRanking.PowerShell.Completion;
using CXoneRanking.PowerShell.Errors;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Explains each logged ranking of a session: what was shown and why, and every candidate not shown with its reason.</summary>
[Cmdlet(VerbsCommon.Get, "RankingHistory")]
[OutputType(typeof(RankingHistoryEntry))]
public sealed class GetRankingHistoryCommand : AuditLogQueryCommandBase
{
    private readonly List<string> _sessionIds = [];

    /// <summary>
    /// The sessions (exact, case-sensitive ids, or wildcard patterns when no session has that exact id); piped strings, or by
    /// property name from submission results and clicks.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("session_id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public string[] SessionId { get; set; } = [];

    protected override void ProcessRecord() => _sessionIds.AddRange(SessionId);

    protected override void EndProcessing()
    {
        var readers = new SessionHistoryReaders(_sessionIds, Filter());
        var histories = ReadLog(readers.Read, out var directory, out var filesRead, readers.WantsCandidates, readers.WantsCandidates);
        if (histories is null) return;
        WriteVerbose($"Read {filesRead} audit file(s) in '{directory}'.");
        foreach (var history in histories) Write(history, directory);
    }

    private void Write(RankingHistory history, string directory)
    {
        var session = ShownText.Of(history.SessionId);
        if (history.WithoutCandidates > 0)
            WriteWarning($"Skipped {history.WithoutCandidates} ranking(s) of session '{session}'{RangeText()} logged without their "
                + "candidates (by version 0.2 of the module or earlier): they cannot be explained. Rankings submitted since can.");
        if (history.UnreadableCandidates > 0)
            WriteWarning($"Skipped {history.UnreadableCandidates} ranking(s) of session '{session}'{RangeText()} whose recorded candidates "
                + $"could not be read (the log was edited, or written by another tool): {history.FirstCandidatesProblem}. "
                + "Test-RankingAuditLog checks the log.");
        if (history.DirectiveSetsNotFound > 0)
            WriteWarning($"Skipped {history.DirectiveSetsNotFound} ranking(s) of session '{session}'{RangeText()} whose directive set "
                + $"is no longer in the audit log in '{directory}' (its files were deleted by retention, or edited): they cannot be "
                + "replayed. Test-RankingAuditLog checks the log.");
        var explained = history.Rankings.Where(r => r.DirectiveSetFound).Select(RankingExplainer.Explain).ToList();
        if (history.Pattern is { } pattern)
            WriteError(HistoryErrors.RankingHistoryPatternNotFound(pattern, directory, RangeText()));
        else if (explained.Count == 0 && history.WithoutCandidates == 0 && history.UnreadableCandidates == 0 && history.DirectiveSetsNotFound == 0)
            WriteError(HistoryErrors.RankingHistoryNotFound(session, directory, RangeText()));
        foreach (var entry in explained.Where(e => !e.Verified))
            WriteWarning($"The ranking of session '{session}' at {entry.Timestamp:u} does not match its hash in the audit log: an entry "
                + "was changed after it was written, so its explanation is of the changed entry, not necessarily of what was sent. "
                + "Test-RankingAuditLog checks the log.");
        foreach (var entry in explained.Where(e => !e.Reproduced))
            WriteWarning($"The ranking of session '{session}' at {entry.Timestamp:u} does not replay to what the log says was sent "
                + "(the log was edited, or the ranking rules changed since): its explanation is of the replay. Test-RankingAuditLog "
                + "checks the log.");
        WriteVerbose($"Session '{session}': {explained.Count} ranking(s) explained, {history.WithoutCandidates} without candidates, "
            + $"{history.DirectiveSetsNotFound} without their directive set.");
        WriteObject(explained, enumerateCollection: true);
    }
}
