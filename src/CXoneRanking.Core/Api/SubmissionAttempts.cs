using Microsoft.Extensions.Logging;

namespace CXoneRanking.Api;

/// <summary>
/// The POSTs of one session's submission: the same body and Idempotency-Key on every attempt, one
/// token renewal on a 401 (never more), and a count of what was sent.
/// </summary>
internal sealed class SubmissionAttempts(CXoneConnection connection, string sessionId, byte[] body, string idempotencyKey, ILogger log)
{
    private static readonly TimeSpan FirstLockPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestLockPause = TimeSpan.FromSeconds(2);
    private bool _renewedToken;

    // Kept across lock rounds, so a gateway answering 409 to every POST while its status says
    // "not locked" meets a growing pause, not a repost every 250 ms.
    private TimeSpan _lockPause = FirstLockPause;

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
    /// Polls the session's status until it says it is no longer locked or <paramref name="deadline"/>
    /// passes; true when it is worth posting again. A status that cannot be read (an error, no "state"
    /// string) is unknown, so polling goes on: only a readable "not locked" earns another POST.
    /// </summary>
    public async Task<bool> WaitForUnlockAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var time = connection.Settings.Time;
        while (time.GetUtcNow() < deadline)
        {
            var remaining = deadline - time.GetUtcNow();
            await time.Delay(_lockPause < remaining ? _lockPause : remaining, cancellationToken).ConfigureAwait(false);
            _lockPause = TimeSpan.FromTicks(Math.Min(_lockPause.Ticks * 2, LongestLockPause.Ticks));
            var token = await connection.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            var status = await connection.Api.GetSessionAsync(token, sessionId, log, cancellationToken).ConfigureAwait(false);
            if (status.StatusCode == 401)
            {
                connection.InvalidateToken(token);
                continue;
            }
            var state = RankingApi.SessionState(status);
            if (state is null or "locked") continue;
            log.LogInformation("Session {SessionId} is {State} again; posting the ranking.", sessionId, state);
            return true;
        }
        return false;
    }
}
