using Microsoft.Extensions.Logging;

namespace CXoneRanking.Api;

/// <summary>
/// The POSTs of one session's submission: the same body and Idempotency-Key on every attempt, one
/// token renewal on a 401 (never more), and a count of what was sent.
/// </summary>
internal sealed class SubmissionAttempts(CXoneConnection connection, string sessionId, byte[] body, string idempotencyKey, ILogger log)
{
    private bool _renewedToken;

    public int Count { get; private set; }
    public int? LastStatus { get; private set; }

    public async ValueTask<AttemptOutcome> PostAsync(CancellationToken cancellationToken)
    {
        var outcome = await PostOnceAsync(cancellationToken).ConfigureAwait(false);
        if (outcome.StatusCode == 401 && !_renewedToken)
        {
            _renewedToken = true;
            log.LogInformation("Session {SessionId}: the API refused the token (401); renewing it once.", sessionId);
            outcome = await PostOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        return outcome;
    }

    // A refused token is forgotten at once, so the next GetTokenAsync (here or in any other
    // session sharing the connection) renews it, once.
    private async Task<AttemptOutcome> PostOnceAsync(CancellationToken cancellationToken)
    {
        var token = await connection.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        Count++;
        var outcome = await connection.Api.PostRankingAsync(token, sessionId, body, idempotencyKey, log, cancellationToken).ConfigureAwait(false);
        // Disconnect-CXone cut this request off: the session was cancelled, the transport did not fail.
        if (outcome.Fault is not null && connection.IsDisconnected) throw CXoneConnection.Closed(outcome.Fault);
        LastStatus = outcome.StatusCode ?? LastStatus;
        if (outcome.StatusCode == 401) connection.InvalidateToken(token);
        return outcome;
    }

    /// <summary>
    /// Polls the session's status until it is no longer locked or <paramref name="deadline"/>
    /// passes; true when it is worth posting again.
    /// </summary>
    public async Task<bool> WaitForUnlockAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var time = connection.Settings.Time;
        var pause = TimeSpan.FromMilliseconds(250);
        while (time.GetUtcNow() < deadline)
        {
            var remaining = deadline - time.GetUtcNow();
            await time.Delay(pause < remaining ? pause : remaining, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            var token = await connection.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            var status = await connection.Api.GetSessionAsync(token, sessionId, log, cancellationToken).ConfigureAwait(false);
            if (status.StatusCode == 401)
            {
                connection.InvalidateToken(token);
                continue;
            }
            var state = RankingApi.SessionState(status);
            if (state == "locked" || !status.IsSuccess) continue;
            log.LogInformation("Session {SessionId} is {State} again; posting the ranking.", sessionId, state ?? "available");
            return true;
        }
        return false;
    }
}
