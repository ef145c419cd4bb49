namespace CXoneRanking.Emulator;

/// <summary>
/// The <c>/_emulator/*</c> endpoints that tests and rehearsals use to steer and inspect the
/// emulator, and the <c>GET /</c> status. They need no token and are not journaled.
/// </summary>
internal sealed class ControlEndpoints(EmulatorState state)
{
    public const double MaxLockSeconds = 86_400;

    public Task StatusAsync(HttpContext context)
    {
        var now = state.Time.GetUtcNow();
        var status = new EmulatorStatus(
            "CXone Agent Assist emulator",
            EmulatorState.Version,
            state.StartedAt.UtcDateTime,
            Math.Round((now - state.StartedAt).TotalSeconds, 3),
            state.Rankings.Count);
        return JsonReply.WriteAsync(context, StatusCodes.Status200OK, status, EmulatorJsonContext.Default.EmulatorStatus);
    }

    public async Task QueueFaultsAsync(HttpContext context)
    {
        var request = await ControlRequest.ReadAsync(context, ["session_id", "responses"]);
        if (request is null)
        {
            return;
        }

        var sessionId = request.String("session_id");
        var faults = FaultScript.Read(request);
        if (await request.RejectIfProblemsAsync())
        {
            return;
        }

        var pending = state.Faults.Enqueue(sessionId!, faults);
        await JsonReply.WriteAsync(context, 200, new FaultsQueued(sessionId!, pending), EmulatorJsonContext.Default.FaultsQueued);
    }

    public async Task LockSessionAsync(HttpContext context)
    {
        var request = await ControlRequest.ReadAsync(context, ["seconds"]);
        if (request is null)
        {
            return;
        }

        var seconds = request.Number("seconds", 0, MaxLockSeconds);
        if (await request.RejectIfProblemsAsync())
        {
            return;
        }

        var sessionId = context.RequiredSessionId();
        var until = state.Locks.Lock(sessionId, TimeSpan.FromSeconds(seconds!.Value));
        var view = new LockView(sessionId, until is null ? "active" : "locked", until?.UtcDateTime);
        await JsonReply.WriteAsync(context, 200, view, EmulatorJsonContext.Default.LockView);
    }

    public Task JournalAsync(HttpContext context)
    {
        var filter = context.Request.Query["session_id"];
        var entries = state.Journal.Snapshot(filter.Count == 0 ? null : filter.ToString());
        var view = new JournalView(entries.Count, state.Journal.Dropped, entries);
        return JsonReply.WriteAsync(context, 200, view, EmulatorJsonContext.Default.JournalView);
    }

    public Task RankingAsync(HttpContext context)
    {
        var sessionId = context.RequiredSessionId();
        if (state.Rankings.Find(sessionId) is not { } ranking)
        {
            return JsonReply.WriteErrorAsync(context, 404, "not_found", "no ranking has been applied to this session");
        }

        var view = new RankingView(
            ranking.SessionId, ranking.RankingId, ranking.AppliedAt.UtcDateTime, ranking.AppliedCount, ranking.IdempotencyKey, ranking.Payload);
        return JsonReply.WriteAsync(context, 200, view, EmulatorJsonContext.Default.RankingView);
    }

    public Task ResetAsync(HttpContext context)
    {
        state.Reset();
        return JsonReply.WriteAsync(context, 200, new ResetDone(true), EmulatorJsonContext.Default.ResetDone);
    }

    /// <summary>Revokes every refresh token, so the next renewal must fall back to the password grant.</summary>
    public Task RevokeRefreshTokensAsync(HttpContext context)
    {
        state.RefreshTokens.RevokeAll();
        return JsonReply.WriteAsync(context, 200, new ResetDone(true), EmulatorJsonContext.Default.ResetDone);
    }
}
