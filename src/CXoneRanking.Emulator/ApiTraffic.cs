using System.Diagnostics;

namespace CXoneRanking.Emulator;

/// <summary>
/// Middleware for the requests a CXone client sends (everything but <c>GET /</c> and
/// <c>/_emulator/*</c>): it journals each one and adds the configured latency. Control traffic
/// stays out of the journal so that the journal shows exactly what the client under test did.
/// </summary>
internal sealed class ApiTraffic(EmulatorState state)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var rawPath = SessionPath.RawPath(context);
        if (!IsApi(rawPath))
        {
            await next(context);
            return;
        }

        var sequence = state.Journal.NextSequence();
        var receivedAt = state.Time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var failed = false;
        var note = context.JournalNote();
        note.OnComplete(n =>
        {
            int? status = n.Aborted ? null : failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            state.Journal.Add(new JournalEntry(
                sequence,
                receivedAt.UtcDateTime,
                context.Request.Method,
                rawPath,
                status,
                context.SessionId(),
                IdempotencyKey(context),
                n.Outcome ?? DefaultOutcome(status, failed),
                n.Detail,
                Math.Round(stopwatch.Elapsed.TotalMilliseconds, 3),
                n.Expert?.Route,
                n.Expert?.RanAs,
                n.Expert?.TokenStatus,
                n.Expert?.TokenEpoch,
                n.Expert?.TokenUser));
        });

        // Journal before the first byte leaves: once the client has its answer, the entry is there.
        context.Response.OnStarting(() =>
        {
            note.Complete();
            return Task.CompletedTask;
        });
        try
        {
            if (state.Options.Latency > TimeSpan.Zero)
            {
                await Task.Delay(state.Options.Latency, context.RequestAborted);
            }

            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client hung up (during the latency, typically): nobody is left to answer.
            note.Record(JournalOutcome.Error, "client_aborted");
            note.Aborted = true;
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            // For answers with no body, and for failures, the response starts only after this.
            note.Complete();
        }
    }

    public static bool IsApi(string rawPath) =>
        rawPath != "/" && !rawPath.StartsWith("/_emulator", StringComparison.OrdinalIgnoreCase);

    private static string? IdempotencyKey(HttpContext context) =>
        context.Request.Headers.TryGetValue(RankingEndpoint.IdempotencyKeyHeader, out var key) ? key.ToString() : null;

    private static string DefaultOutcome(int? status, bool failed) => failed
        ? JournalOutcome.Error
        : status switch
        {
            StatusCodes.Status404NotFound => JournalOutcome.NotFound,
            StatusCodes.Status405MethodNotAllowed => JournalOutcome.MethodNotAllowed,
            _ => JournalOutcome.Error,
        };
}
