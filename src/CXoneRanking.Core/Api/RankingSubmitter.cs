using System.Diagnostics;
using CXoneRanking.Audit;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CXoneRanking.Api;

/// <summary>
/// Submits one session's ranking atomically (one POST that replaces the session's ranking),
/// retried as docs/design.md#resilience says, then calls back and audits, whatever the outcome. Sessions are
/// independent: one failing never touches another.
/// </summary>
public sealed class RankingSubmitter(CXoneConnection connection, AuditLogWriter? audit, SubmitOptions options, ILogger log)
{
    public async Task<RankingSubmissionResult> SubmitAsync(RankingValidationResult ranking, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString();
        if (ranking.Payload is not { } payload)
            return await FinishAsync(ranking, key, null, SubmissionStatus.InvalidRanking, null, 0, 0,
                "the ranking breaks the engine's constraints; nothing was sent", ranking.Errors.Select(e => e.Message).ToList(), null, cancellationToken).ConfigureAwait(false);

        var body = payload.ToUtf8Json();
        var attempts = new SubmissionAttempts(connection, ranking.SessionId, body, key, log);
        var clock = Stopwatch.StartNew();
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        total.CancelAfter(connection.Settings.TotalTimeout);
        AttemptOutcome? outcome = null;
        SubmissionStatus status;
        string? error;
        IReadOnlyList<string> problems = [];
        try
        {
            var lockDeadline = connection.Settings.Time.GetUtcNow() + options.LockTimeout;
            do
            {
                outcome = await connection.Pipeline.ExecuteAsync(attempts.PostAsync, total.Token).ConfigureAwait(false);
            }
            while (outcome.StatusCode == 409 && await attempts.WaitForUnlockAsync(lockDeadline, total.Token).ConfigureAwait(false));
            (status, error, problems) = OutcomeClassifier.Classify(outcome, attempts.Count, options.LockTimeout);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            (status, error) = (SubmissionStatus.Cancelled, "stopped before the submission finished");
        }
        catch (OperationCanceledException) when (total.IsCancellationRequested)
        {
            (status, error) = (SubmissionStatus.TimedOut, $"no outcome within the total timeout of {connection.Settings.TotalTimeout.TotalSeconds:0} s");
        }
        catch (TimeoutRejectedException e)
        {
            (status, error) = (SubmissionStatus.TransportFailure, $"the last of {attempts.Count} attempt(s) timed out after {e.Timeout.TotalSeconds:0} s");
        }
        catch (BrokenCircuitException e)
        {
            (status, error) = (SubmissionStatus.CircuitOpen, $"not sent: the circuit breaker is open after repeated failures of this tenant ({e.Message})");
        }
        catch (CXoneAuthenticationException e)
        {
            (status, error) = (SubmissionStatus.Unauthorized, e.Message);
        }
        catch (ObjectDisposedException)
        {
            (status, error) = (SubmissionStatus.Cancelled, "the connection was closed by Disconnect-CXone during the submission");
        }
        return await FinishAsync(ranking, key, payload, status, attempts.LastStatus, attempts.Count, clock.ElapsedMilliseconds, error, problems, outcome, cancellationToken).ConfigureAwait(false);
    }

    // Calls back, then audits (with a note when the callback failed), then describes the outcome.
    private async Task<RankingSubmissionResult> FinishAsync(RankingValidationResult ranking, string key, RankingPayload? payload, SubmissionStatus status,
        int? httpStatus, int attempts, long latencyMs, string? error, IReadOnlyList<string> problems, AttemptOutcome? outcome, CancellationToken cancellation)
    {
        var entry = SubmissionAudit.Entry(ranking.SessionId, payload, status, httpStatus, attempts, latencyMs, key, error, connection.Settings.Time.GetUtcNow());
        entry.Experiment = ranking.Experiment;
        entry.Arm = ranking.Arm;
        string? callbackError = null;
        if (options.CallbackUri is not null && payload is not null && status != SubmissionStatus.Cancelled)
        {
            callbackError = await FeedbackCallback.SendAsync(connection, options, entry, outcome?.IsSuccess == true ? outcome.Body : null, log, cancellation).ConfigureAwait(false);
            if (callbackError is not null) entry.Note = $"callback failed: {callbackError}";
        }
        audit?.Append(entry);
        if (status != SubmissionStatus.Succeeded)
            log.LogInformation("Session {SessionId}: {Status} after {Attempts} attempt(s): {Error}", ranking.SessionId, status, attempts, error);
        return new RankingSubmissionResult
        {
            SessionId = ranking.SessionId,
            Status = status,
            HttpStatus = httpStatus,
            Attempts = attempts,
            LatencyMs = latencyMs,
            IdempotencyKey = key,
            RankingChecksum = payload?.ComputeChecksum(),
            Ranking = payload?.Snippets ?? [],
            Response = outcome?.IsSuccess == true ? JsonObjects.ParseObject(outcome.Body) : null,
            Error = error,
            Problems = problems,
            CallbackError = callbackError,
            Experiment = ranking.Experiment,
            Arm = ranking.Arm,
        };
    }
}
