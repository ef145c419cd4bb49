using System.Management.Automation;
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

    /// <summary>The sessions (exact, case-sensitive ids); by property name from submission results and clicks.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("session_id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public string[] SessionId { get; set; } = [];

    protected override void ProcessRecord() => _sessionIds.AddRange(SessionId);

    protected override void EndProcessing()
    {
        var sessions = _sessionIds.Distinct(StringComparer.Ordinal).ToList();
        var filter = Filter(sessions);
        var history = ReadLog(entries => RankingHistory.Read(entries, filter), out var directory, out var filesRead);
        if (history is null) return;
        WriteVerbose($"Read {filesRead} audit file(s) in '{directory}'.");
        foreach (var session in sessions)
        {
            var rankings = history.Of(session);
            var skipped = history.SkippedOf(session);
            if (skipped > 0)
                WriteWarning($"Skipped {skipped} ranking(s) of session '{session}'{RangeText()} logged before the audit log recorded "
                    + "candidates (module 0.2 or earlier): they cannot be explained. Rankings submitted from 0.3 on can.");
            if (rankings.Count == 0 && skipped == 0) WriteError(HistoryErrors.RankingHistoryNotFound(session, directory, RangeText()));
            WriteVerbose($"Session '{session}': {rankings.Count} ranking(s) explained, {skipped} skipped.");
            WriteObject(rankings, enumerateCollection: true);
        }
    }
}
