using System.Security.Cryptography;

namespace CXoneRanking.Emulator;

/// <summary>
/// <c>POST /api/v2/agentassist/sessions/{sessionId}/snippets/ranking</c>. In order: a scripted or
/// random fault, the bearer token, the Idempotency-Key (a replay or a reuse is answered before the
/// body is judged), the strict body check, the session lock, and finally the whole-ranking swap.
/// </summary>
internal sealed class RankingEndpoint(EmulatorState state)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxIdempotencyKeyLength = 255;

    public async Task HandleAsync(HttpContext context)
    {
        var sessionId = context.RequiredSessionId();
        if (state.Faults.NextFor(sessionId) is { } fault)
        {
            await FaultResponses.WriteAsync(context, fault, state.Options.RetryAfterSeconds);
            return;
        }

        if (!await BearerGate.AdmitAsync(context, state.Tokens))
        {
            return;
        }

        var body = await ReadBodyAsync(context);
        var keyProblems = new List<string>();
        var key = ReadIdempotencyKey(context, keyProblems);
        var reply = key is null || keyProblems.Count > 0
            ? Attempt(context, sessionId, body, key, keyProblems)
            : AttemptOnce(context, sessionId, body, key);

        context.JournalNote().Record(reply.Outcome, reply.Detail);
        await JsonReply.WriteBytesAsync(context, reply.Status, reply.Body);
    }

    /// <summary>Runs the attempt under the key's lock: a replay or a reuse never reaches the body check.</summary>
    private RankingReply AttemptOnce(HttpContext context, string sessionId, byte[] body, string key)
    {
        var (result, reply) = state.Idempotency.Execute(key, SHA256.HashData(body), () => Attempt(context, sessionId, body, key, []));
        switch (result)
        {
            case IdempotencyResult.Replayed:
                context.Response.Headers[ReplayedHeader] = "true";
                return reply! with { Outcome = JournalOutcome.Replayed };
            case IdempotencyResult.KeyReused:
                return Reply(
                    StatusCodes.Status422UnprocessableEntity,
                    new ErrorReply("idempotency_key_reuse", "this Idempotency-Key was already used with a different body"),
                    JournalOutcome.Rejected,
                    "idempotency_key_reuse");
            default:
                return reply!;
        }
    }

    private RankingReply Attempt(HttpContext context, string sessionId, byte[] body, string? key, List<string> keyProblems)
    {
        var validation = RankingValidator.Validate(context.Request.ContentType, body, sessionId);
        if (!validation.IsValid || keyProblems.Count > 0)
        {
            var violation = new SchemaViolation("schema_violation", [.. keyProblems, .. validation.Problems]);
            return new RankingReply(
                StatusCodes.Status400BadRequest,
                JsonReply.Serialize(violation, EmulatorJsonContext.Default.SchemaViolation),
                JournalOutcome.Rejected,
                "schema_violation");
        }

        if (state.Locks.IsLocked(sessionId))
        {
            return Reply(
                StatusCodes.Status409Conflict,
                new ErrorReply("session_locked", "an agent interaction holds this session"),
                JournalOutcome.Locked,
                "session_locked");
        }

        var applied = state.Rankings.Apply(sessionId, validation.Payload, key, state.Time.GetUtcNow());
        var accepted = new RankingAccepted(
            sessionId,
            applied.RankingId,
            validation.SnippetCount,
            validation.MaxResultWindow,
            applied.AppliedAt.UtcDateTime,
            validation.Payload.GetProperty("snippets"));
        return new RankingReply(
            StatusCodes.Status200OK,
            JsonReply.Serialize(accepted, EmulatorJsonContext.Default.RankingAccepted),
            JournalOutcome.Applied,
            applied.RankingId.ToString());
    }

    private static RankingReply Reply(int status, ErrorReply error, string outcome, string detail) =>
        new(status, JsonReply.Serialize(error, EmulatorJsonContext.Default.ErrorReply), outcome, detail);

    private static string? ReadIdempotencyKey(HttpContext context, List<string> problems)
    {
        if (!context.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var values))
        {
            return null;
        }

        var key = values.ToString();
        if (values.Count > 1)
        {
            problems.Add($"{IdempotencyKeyHeader}: given more than once");
        }
        else if (string.IsNullOrWhiteSpace(key))
        {
            problems.Add($"{IdempotencyKeyHeader}: empty");
        }
        else if (key.Length > MaxIdempotencyKeyLength)
        {
            problems.Add($"{IdempotencyKeyHeader}: {key.Length} characters exceed the maximum of {MaxIdempotencyKeyLength}");
        }

        return key;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }
}
