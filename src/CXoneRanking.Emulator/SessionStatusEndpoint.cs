namespace CXoneRanking.Emulator;

/// <summary>
/// <c>GET /api/v2/agentassist/sessions/{sessionId}</c>: whether an agent interaction holds the
/// session. Every session exists as far as the emulator is concerned, so an unknown one is "active".
/// </summary>
internal sealed class SessionStatusEndpoint(EmulatorState state)
{
    public async Task HandleAsync(HttpContext context)
    {
        var sessionId = context.RequiredSessionId();
        if (!await BearerGate.AdmitAsync(context, state.Tokens))
        {
            return;
        }

        var current = state.Locks.IsLocked(sessionId) ? "locked" : "active";
        context.JournalNote().Record(JournalOutcome.Status, current);
        await JsonReply.WriteAsync(context, StatusCodes.Status200OK, new SessionState(current), EmulatorJsonContext.Default.SessionState);
    }
}
