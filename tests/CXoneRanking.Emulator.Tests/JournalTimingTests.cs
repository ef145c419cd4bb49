using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CXoneRanking.Emulator.Tests;

/// <summary>
/// A client may read the journal the moment its answer arrives, so the entry must be written
/// before the answer's first byte leaves (or the connection drops), not when the pipeline unwinds.
/// Over real sockets that race is too narrow to lose reliably; here the test plays the server.
/// </summary>
public sealed class JournalTimingTests
{
    private readonly EmulatorState state = new(CommandLine.Parse([]), TimeProvider.System);

    [Fact]
    public async Task The_entry_is_written_when_the_response_starts()
    {
        var (context, response) = NewContext();
        IReadOnlyList<JournalEntry>? seenByClient = null;

        await new ApiTraffic(state).InvokeAsync(context, async ctx =>
        {
            ctx.JournalNote().Record(JournalOutcome.Applied);
            ctx.Response.StatusCode = StatusCodes.Status200OK;
            await response.StartAsync();
            seenByClient = state.Journal.Snapshot();
        });

        var entry = Assert.Single(seenByClient!);
        Assert.Equal((200, "applied", "s-1"), (entry.Status, entry.Outcome, entry.SessionId));
        Assert.Single(state.Journal.Snapshot());
    }

    [Fact]
    public async Task A_dropped_connection_is_journaled_before_the_drop()
    {
        var (context, _) = NewContext();
        var lifetime = new RecordingLifetime(state.Journal);
        context.Features.Set<IHttpRequestLifetimeFeature>(lifetime);

        await new ApiTraffic(state).InvokeAsync(context, ctx => FaultResponses.WriteAsync(ctx, Fault.Reset, 1));

        var entry = Assert.Single(lifetime.JournalAtAbort!);
        Assert.Equal((null, "fault", "reset"), (entry.Status, entry.Outcome, entry.Detail));
        Assert.Single(state.Journal.Snapshot());
    }

    private static (DefaultHttpContext Context, StartableResponse Response) NewContext()
    {
        var context = new DefaultHttpContext();
        var response = new StartableResponse();
        context.Features.Set<IHttpResponseFeature>(response);
        const string target = "/api/v2/agentassist/sessions/s-1/snippets/ranking";
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = target;
        context.Request.Method = "POST";
        context.Request.Path = target;
        SessionPath.ResolveAsync(context, _ => Task.CompletedTask).GetAwaiter().GetResult();
        return (context, response);
    }

    /// <summary>A response that runs its OnStarting callbacks when told to, as Kestrel does before the first byte.</summary>
    private sealed class StartableResponse : HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> starting = [];

        public override void OnStarting(Func<object, Task> callback, object state) => starting.Add((callback, state));

        public async Task StartAsync()
        {
            foreach (var (callback, state) in Enumerable.Reverse(starting))
            {
                await callback(state);
            }
        }
    }

    /// <summary>Notes what the journal held at the moment the connection was dropped.</summary>
    private sealed class RecordingLifetime(RequestJournal journal) : IHttpRequestLifetimeFeature
    {
        public IReadOnlyList<JournalEntry>? JournalAtAbort { get; private set; }

        public CancellationToken RequestAborted { get; set; }

        public void Abort() => JournalAtAbort = journal.Snapshot();
    }
}
