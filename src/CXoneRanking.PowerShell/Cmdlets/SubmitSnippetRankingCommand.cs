using System.Management.Automation;
using System.Security;
using CXoneRanking.Api;
using CXoneRanking.Audit;
using CXoneRanking.PowerShell.Async;
using CXoneRanking.PowerShell.Audit;
using CXoneRanking.PowerShell.Connections;
using CXoneRanking.PowerShell.Errors;
using CXoneRanking.PowerShell.Submission;
using CXoneRanking.PowerShell.Views;

namespace CXoneRanking.PowerShell.Cmdlets;

/// <summary>Ranks piped snippets per session and submits each session's ranking atomically, with retries, callbacks and an audit entry.</summary>
[Cmdlet(VerbsLifecycle.Submit, "SnippetRanking", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RankingSubmissionResult))]
public sealed class SubmitSnippetRankingCommand : RankingCommandBase, IDisposable
{
    private readonly List<SessionRanking> _prepared = [];
    private readonly CmdletAsyncBridge _async = new();
    private readonly AuditHousekeepingRun _housekeeping = new();
    private string _auditDirectory = string.Empty;

    /// <summary>Ranks from New-SnippetRank, or results and payloads from Test-RankingPayload.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyCollection]
    public object? InputObject { get; set; }

    /// <summary>After each submission, POST the audit entry and the API's answer here.</summary>
    [Parameter]
    public Uri? CallbackUri { get; set; }

    /// <summary>Signs callbacks: X-CXone-Signature: sha256=HMAC-SHA256(body).</summary>
    [Parameter]
    public SecureString? CallbackSecret { get; set; }

    /// <summary>Sessions in flight at once.</summary>
    [Parameter]
    [ValidateRange(1, SubmitOptions.MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = SubmitOptions.DefaultThrottleLimit;

    /// <summary>Seconds to wait for a locked session to unlock.</summary>
    [Parameter]
    [Alias("LockTimeout")]
    [ValidateRange(0, SubmitOptions.MaxLockTimeoutSeconds)]
    public int LockTimeoutSec { get; set; } = SubmitOptions.DefaultLockTimeoutSeconds;

    /// <summary>The audit log directory for this call; else the connection's (Connect-CXone -AuditPath).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AuditPath { get; set; }

    [Parameter]
    public CXoneConnection? Connection { get; set; }

    /// <summary>Sends only sessions whose ranking differs from the one last applied (by the audit log); the rest are returned Unchanged.</summary>
    [Parameter]
    public SwitchParameter SkipUnchanged { get; set; }

    protected override void BeginProcessing()
    {
        if (CallbackUri is not null && EndpointPolicy.Problem(CallbackUri, "callback URI") is { } problem)
            ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidCallbackUri", $"Cannot call back: {problem}.",
                EndpointPolicy.WithoutUserInfo(CallbackUri), "Give -CallbackUri an https address (plain http only to this machine)."));
    }

    protected override void ProcessRecord() => AddRanks(InputObject);

    protected override bool TryAddPrepared(object input)
    {
        switch (input)
        {
            case SessionRanking result:
                _prepared.Add(result);
                return true;
            case RankingPayload payload:
                _prepared.Add(new SessionRanking { SessionId = payload.SessionId, Payload = payload });
                return true;
            default: return false;
        }
    }

    protected override string AcceptedInput => "ranks from New-SnippetRank (or results from Test-RankingPayload)";

    protected override void EndProcessing()
    {
        // -SkipUnchanged needs the connection's target and its audit log before anything is approved.
        var unchanged = SkipUnchanged ? UnchangedSessions.Read(this, ConnectionStore.Resolve(this, Connection), AuditPath) : null;
        var approved = RankSessions().Concat(_prepared.Where(InThisExperiment))
            .Where(r => unchanged?.TakeUnchanged(r) != true && Approve(r)).ToList();
        var skipped = unchanged?.Skipped ?? [];
        if (approved.Count == 0 && skipped.Count == 0) return;
        var connection = ConnectionStore.Resolve(this, Connection);
        var audit = new AuditLogWriter(AuditDirectory.Resolve(this, AuditPath, connection));
        _auditDirectory = audit.Options.Directory;
        var submitter = RankingSubmitterFactory.Create(connection, audit, new SubmitOptions
        {
            LockTimeout = TimeSpan.FromSeconds(LockTimeoutSec), CallbackUri = CallbackUri, CallbackSecret = CallbackSecret,
        }, new CmdletStreamLogger(_async, this));
        var progress = new SubmissionProgress(this, approved.Count + skipped.Count);
        void Show(RankingSubmissionResult result) => _async.Post(() =>
        {
            progress.Completed(result);
            Emit(result);
        });
        _async.Run(async stop =>
        {
            if (skipped.Count > 0)
            {
                foreach (var result in await submitter.RecordUnchangedAsync(skipped, unchanged!.Index).ConfigureAwait(false))
                    Show(result);
            }
            await CmdletAsyncBridge.ForEachAsync(approved, ThrottleLimit,
                async ranking => Show(await submitter.SubmitAsync(ranking, stop).ConfigureAwait(false)),
                async notStarted =>
                {
                    foreach (var result in await submitter.CancelNotStartedAsync(notStarted).ConfigureAwait(false)) Show(result);
                }, stop).ConfigureAwait(false);
        });
        progress.Done();
        _housekeeping.Run(this, audit);
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

    private bool Approve(SessionRanking ranking) => ranking.Payload is { } payload
        ? ShouldProcess($"session '{ranking.SessionId}'{ArmNote(ranking)}", $"Submit a ranking of {payload.Snippets.Count} snippet(s) "
            + $"({string.Join(", ", payload.Snippets.Take(5).Select(s => s.SnippetId))}{(payload.Snippets.Count > 5 ? ", ..." : "")})")
        : ShouldProcess($"session '{ranking.SessionId}'{ArmNote(ranking)}", "Record an invalid ranking in the audit log (nothing is sent)");

    // Every applied session is output, even when its outcome could not be audited; that case
    // adds an AuditWriteFailed error naming the session.
    private void Emit(RankingSubmissionResult result)
    {
        WriteObject(TableVariant.InExperiment(result, result.Arm));
        if (!result.Succeeded) WriteError(SubmissionErrors.For(result));
        if (result.AuditError is not null && result.Status != SubmissionStatus.AuditUnavailable)
            WriteError(SubmissionErrors.AuditWriteFailed(result, _auditDirectory));
    }
}
