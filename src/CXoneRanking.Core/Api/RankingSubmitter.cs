using System.Diagnostics;
using CXoneRanking.Audit;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CXoneRanking.Api;

/// <summary>
/// Submits one session's ranking atomically (one POST that replaces the session's ranking),
/// retried as docs/design.md#resilience says, then calls back and audits, whatever the outcome. Nothing is
/// sent that the audit log cannot record: a ranking.sending entry is written first, and once
/// the log fails no further session of this submitter is sent. Sessions are otherwise
/// independent: one failing never touches another. No audit failure is ever thrown.
/// </summary>
public sealed class RankingSubmitter(CXoneConnection connection, AuditLogWriter? audit, SubmitOptions options, ILogger log)
{
    private readonly SubmissionAuditTrail _trail = new(audit, RankingTarget.Of(connection));

    public async Task<RankingSubmissionResult> SubmitAsync(SessionRanking ranking, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString();
        if (ranking.Payload is not { } payload)
            return await FinishAsync(ranking, key, null, null,
                SubmissionOutcome.Invalid(ranking.RefusalReason, ranking.Errors.Select(e => e.Message).ToList()),
                sent: false, cancellationToken).ConfigureAwait(false);
        // Serialized once: the write-ahead entry, the POSTs and the outcome entry share these bytes and their checksum.
        var serialized = SerializedPayload.Of(payload);
        if (cancellationToken.IsCancellationRequested) return await NotSentAsync(ranking, key, payload, serialized.Checksum).ConfigureAwait(false);

        string? auditProblem;
        var sending = SubmissionAudit.Sending(ranking, payload, serialized.Checksum, key, Now);
        try
        {
            auditProblem = await _trail.TryRecordSendingAsync(sending, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await NotSentAsync(ranking, key, payload, serialized.Checksum).ConfigureAwait(false);
        }
        if (auditProblem is not null)
        {
            log.LogInformation("Session {SessionId}: not sent, {Problem}", ranking.SessionId, auditProblem);
            return SubmissionResults.Describe(ranking, payload, serialized.Checksum, key,
                SubmissionOutcome.NotSent(SubmissionStatus.AuditUnavailable, $"not sent: {auditProblem}", auditProblem));
        }
        return await SendAsync(ranking, payload, serialized, key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records sessions that were never started (the run was stopped first) as ranking.cancelled
    /// in one batch, with no write-ahead entry, and returns them as Cancelled results.
    /// </summary>
    public async Task<IReadOnlyList<RankingSubmissionResult>> CancelNotStartedAsync(IReadOnlyList<SessionRanking> rankings) =>
        await new NotStartedSubmissions(_trail, () => Now).CancelAsync(rankings).ConfigureAwait(false);

    /// <summary>
    /// Records sessions whose ranking is the one <paramref name="applied"/> says the server holds
    /// (-SkipUnchanged) as ranking.unchanged in one batch, sends nothing, and returns them as Unchanged results.
    /// </summary>
    public Task<IReadOnlyList<RankingSubmissionResult>> RecordUnchangedAsync(IReadOnlyList<SessionRanking> rankings,
        AppliedRankingIndex applied) => new UnchangedSubmissions(_trail, () => Now).RecordAsync(rankings, applied);

    private DateTimeOffset Now => connection.Settings.Time.GetUtcNow();

    // Stopped before the write-ahead entry: nothing was sent, so only the cancelled outcome is written.
    private Task<RankingSubmissionResult> NotSentAsync(SessionRanking ranking, string key, RankingPayload payload, string checksum) =>
        FinishAsync(ranking, key, payload, checksum, SubmissionOutcome.NotSent(SubmissionStatus.Cancelled, NotStartedSubmissions.Reason),
            sent: false, CancellationToken.None);

    private async Task<RankingSubmissionResult> SendAsync(SessionRanking ranking, RankingPayload payload, SerializedPayload serialized,
        string key, CancellationToken cancellationToken)
    {
        var attempts = new SubmissionAttempts(connection, ranking.SessionId, serialized.Body, key, log);
        var clock = Stopwatch.StartNew();
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        total.CancelAfter(connection.Settings.TotalTimeout);
        AttemptOutcome? outcome = null;
        SubmissionStatus status;
        string? error;
        IReadOnlyList<string> problems = [];
        try
        {
            var lockDeadline = Now + options.LockTimeout;
            do
            {
                outcome = await connection.SubmissionResilience.ExecuteAsync(attempts.PostAsync, total.Token).ConfigureAwait(false);
            }
            // -MaxAttempts bounds the POSTs whatever the answers, lock rounds included.
            while (outcome.StatusCode == 409 && attempts.Count < connection.Settings.MaxAttempts
                && await attempts.WaitForUnlockAsync(lockDeadline, total.Token).ConfigureAwait(false));
            (status, error, problems) = OutcomeClassifier.Classify(outcome, attempts.Count, options.LockTimeout,
                attempts.Count >= connection.Settings.MaxAttempts);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            (status, error) = (SubmissionStatus.Cancelled, "stopped before the submission finished");
        }
        catch (OperationCanceledException) when (total.IsCancellationRequested)
        {
            (status, error) = (SubmissionStatus.TimedOut,
                $"no outcome within the total timeout of {connection.Settings.TotalTimeout.TotalSeconds:0} s");
        }
        catch (TimeoutRejectedException e)
        {
            (status, error) = (SubmissionStatus.TransportFailure,
                $"the last of {attempts.Count} attempt(s) timed out after {e.Timeout.TotalSeconds:0} s");
        }
        catch (BrokenCircuitException e)
        {
            (status, error) = (SubmissionStatus.CircuitOpen,
                $"not sent: the circuit breaker is open after repeated failures of this tenant ({e.Message})");
        }
        catch (CXoneAuthenticationException e)
        {
            (status, error) = (e.RedirectLocation is null ? SubmissionStatus.Unauthorized : SubmissionStatus.RedirectRefused, e.Message);
        }
        catch (ObjectDisposedException)
        {
            (status, error) = (SubmissionStatus.Cancelled, "the connection was closed by Disconnect-CXone during the submission");
        }
        var answer = outcome?.IsSuccess == true ? outcome.Body : null;
        return await FinishAsync(ranking, key, payload, serialized.Checksum,
            SubmissionOutcome.Sent(status, error, problems, attempts.LastStatus, attempts.Count, clock.ElapsedMilliseconds, answer),
            sent: true, cancellationToken).ConfigureAwait(false);
    }

    // Calls back, then writes the outcome entry (with a note when the callback failed), then
    // describes the outcome: an outcome entry that cannot be written is on the result, not thrown. A ranking not
    // sent has no write-ahead entry: its outcome entry is its first and records its origins.
    private async Task<RankingSubmissionResult> FinishAsync(SessionRanking ranking, string key, RankingPayload? payload, string? checksum,
        SubmissionOutcome outcome, bool sent, CancellationToken cancellation)
    {
        var entry = SubmissionAudit.Outcome(ranking, payload, checksum, key, outcome, Now, sent);
        string? callbackError = null;
        if (options.CallbackUri is not null && payload is not null && outcome.Status != SubmissionStatus.Cancelled)
        {
            callbackError = await FeedbackCallback.SendAsync(connection, options, entry, outcome.Answer, log, cancellation).ConfigureAwait(false);
            if (callbackError is not null) entry.Note = $"callback failed: {callbackError}";
        }
        var auditError = await _trail.TryRecordOutcomesAsync([entry]).ConfigureAwait(false);
        if (outcome.Status != SubmissionStatus.Succeeded)
            log.LogInformation("Session {SessionId}: {Status} after {Attempts} attempt(s): {Error}", ranking.SessionId, outcome.Status,
                outcome.Attempts, outcome.Error);
        if (auditError is not null)
            log.LogInformation("Session {SessionId}: its outcome {Status} is not in the audit log: {Problem}", ranking.SessionId, outcome.Status,
                auditError);
        return SubmissionResults.Describe(ranking, payload, checksum, key, outcome with { CallbackError = callbackError, AuditError = auditError });
    }
}
