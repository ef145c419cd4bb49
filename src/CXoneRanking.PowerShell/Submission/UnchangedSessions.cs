using System.Diagnostics;
using System.Management.Automation;
using CXoneRanking.Api;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Audit;

namespace CXoneRanking.PowerShell.Submission;

/// <summary>
/// Submit-SnippetRanking -SkipUnchanged: the sessions whose ranking is the one last applied to
/// them at this connection's target, by one read of the audit log per run
/// (docs/design.md#skipping-unchanged-sessions). Each is announced through ShouldProcess (so
/// -WhatIf says it would be skipped) and at -Verbose, and is kept out of the sessions sent.
/// </summary>
internal sealed class UnchangedSessions
{
    private readonly PSCmdlet _cmdlet;
    private readonly List<SessionRanking> _skipped = [];

    private UnchangedSessions(PSCmdlet cmdlet, AppliedRankingIndex index)
    {
        _cmdlet = cmdlet;
        Index = index;
    }

    public AppliedRankingIndex Index { get; }

    /// <summary>The sessions approved to be skipped (recorded as ranking.unchanged, never sent).</summary>
    public IReadOnlyList<SessionRanking> Skipped => _skipped;

    /// <summary>Reads the log once; a log that cannot be read is a warning, and every session is then sent.</summary>
    public static UnchangedSessions Read(PSCmdlet cmdlet, CXoneConnection connection, string? auditPath)
    {
        var directory = AuditDirectory.Resolve(cmdlet, auditPath, connection);
        var target = RankingTarget.Of(connection);
        var clock = Stopwatch.StartNew();
        AppliedRankingIndex index;
        try
        {
            index = AppliedRankingIndex.Read(directory, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cmdlet.WriteWarning($"-SkipUnchanged: could not read the audit log in '{directory}' ({e.Message}); every session is sent.");
            index = new AppliedRankingIndex(target);
        }
        if (index.Problem is { } problem)
            cmdlet.WriteWarning($"-SkipUnchanged: the audit log in '{directory}' is not trusted: {problem}. Every session is sent; "
                + "run Test-RankingAuditLog to find out what changed.");
        cmdlet.WriteVerbose($"-SkipUnchanged: read {index.EntriesRead} audit entries in {clock.ElapsedMilliseconds} ms; "
            + $"{index.Sessions} session(s) have rankings at {target}.");
        return new UnchangedSessions(cmdlet, index);
    }

    /// <summary>True when the session is not to be sent: its ranking is unchanged (and, unless -WhatIf, it is kept to be recorded).</summary>
    public bool TakeUnchanged(SessionRanking ranking)
    {
        if (ranking.Payload is not { } payload) return false;
        if (Index.Unchanged(ranking.SessionId, payload.ComputeChecksum()) is not { } applied)
        {
            _cmdlet.WriteVerbose($"Session '{ranking.SessionId}': {Reason(ranking.SessionId)}; it is sent.");
            return false;
        }
        var why = UnchangedSubmissions.Describe(applied);
        _cmdlet.WriteVerbose($"Session '{ranking.SessionId}': {why}.");
        if (_cmdlet.ShouldProcess($"session '{ranking.SessionId}'", $"Skip a ranking of {payload.Snippets.Count} snippet(s): {why}"))
            _skipped.Add(ranking);
        return true;
    }

    private string Reason(string sessionId) => Index.LastApplied(sessionId) is null
        ? "no ranking is known to be applied (none was; the last attempt failed, was cancelled or has an unknown outcome; "
            + "sends of it overlapped, so their order is unknown; or the audit log is not trusted)"
        : "the ranking differs from the one last applied";
}
