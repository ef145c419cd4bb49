using System.Net;
using System.Net.Http.Headers;
using CXoneRanking.Api;
using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Tests.Api;

public sealed class RankingSubmitterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static IEnumerable<RecordedRequest> Posts(ScriptedHandler handler) =>
        handler.Requests.Where(r => r.Method == "POST" && r.Uri.AbsolutePath.EndsWith("/ranking", StringComparison.Ordinal));

    // A connection whose every wait (Retry-After, back-off, lock polls, token lifetime) runs on
    // the fake clock, so a test decides how much time passes instead of sleeping.
    private static Task<CXoneConnection> ConnectAsync(ScriptedHandler handler, FakeTimeProvider time) =>
        CXoneConnection.ConnectAsync(new ConnectionSettings
        {
            BaseUri = new Uri("https://tenant.example.test"),
            Credentials = new ClientCredentials(new Uri("https://tenant.example.test/oauth/token"), "client",
                SecureStrings.FromText("s3cr3t-value"), ClientCredentials.DefaultScopes),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RequestTimeout = TimeSpan.FromSeconds(5),
            TotalTimeout = TimeSpan.FromSeconds(30),
            Handler = handler,
            Time = time,
        }, CancellationToken.None);

    // Moves the fake clock on in 10 ms steps until the submission ends; the real pause between
    // steps only lets its continuations run. A generous real bound turns a hang into a failure.
    private static async Task<RankingSubmissionResult> RunOnFakeClockAsync(Task<RankingSubmissionResult> submission, FakeTimeProvider time)
    {
        var hangGuard = System.Diagnostics.Stopwatch.StartNew();
        while (!submission.IsCompleted)
        {
            Assert.True(hangGuard.Elapsed < TimeSpan.FromSeconds(30), $"the submission did not end; fake time {time.GetUtcNow() - Start}");
            time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(1);
        }
        return await submission;
    }

    [Fact]
    public async Task Posts_the_wire_body_with_every_header_to_the_escaped_session_path()
    {
        var handler = new ScriptedHandler();
        using var connection = await TestConnections.ConnectAsync(handler);
        var ranking = TestConnections.Ranking("a/b c?#%");

        var result = await TestConnections.Submitter(connection).SubmitAsync(ranking, CancellationToken.None);

        Assert.Equal(SubmissionStatus.Succeeded, result.Status);
        var post = Assert.Single(Posts(handler));
        Assert.Equal("/api/v2/agentassist/sessions/a%2Fb%20c%3F%23%25/snippets/ranking", post.Uri.AbsolutePath);
        Assert.Equal(ranking.Payload!.ToJson(), post.Body);
        Assert.Equal("tok-1", post.Bearer);
        Assert.Equal(ModuleInfo.Version, post.ClientVersion);
        Assert.True(Guid.TryParse(post.IdempotencyKey, out _));
        Assert.Equal(ranking.Payload.ComputeChecksum(), result.RankingChecksum);
        Assert.Equal(true, result.Response!["accepted"]);
    }

    [Fact]
    public async Task Retries_429_and_5xx_and_dropped_connections_with_one_idempotency_key()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.TooManyRequests).Then(HttpStatusCode.InternalServerError).ThenDrop().Then(HttpStatusCode.BadGateway);
        using var connection = await TestConnections.ConnectAsync(handler);

        var result = await TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), CancellationToken.None);

        Assert.Equal((SubmissionStatus.Succeeded, 5, 200), (result.Status, result.Attempts, result.HttpStatus));
        Assert.Single(Posts(handler).Select(p => p.IdempotencyKey).Distinct());
        Assert.Equal(result.IdempotencyKey, Posts(handler).First().IdempotencyKey);
    }

    [Fact]
    public async Task Gives_up_after_max_attempts_with_the_last_cause()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.ServiceUnavailable);
        using var connection = await TestConnections.ConnectAsync(handler, maxAttempts: 3);

        var result = await TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), CancellationToken.None);

        Assert.Equal((SubmissionStatus.EngineFailure, 3, 503), (result.Status, result.Attempts, result.HttpStatus));
        Assert.Contains("all 3 attempt(s)", result.Error);
    }

    [Fact]
    public async Task Honours_retry_after_in_seconds()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.TooManyRequests, shape: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)));
        var time = new FakeTimeProvider(Start);
        using var connection = await ConnectAsync(handler, time);

        var submission = TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), CancellationToken.None);
        var result = await RunOnFakeClockAsync(submission, time);

        Assert.Equal((SubmissionStatus.Succeeded, 2), (result.Status, result.Attempts));
        var waited = time.GetUtcNow() - Start;
        Assert.True(waited >= TimeSpan.FromSeconds(1), $"waited only {waited.TotalMilliseconds} ms of the 1 s Retry-After");
    }

    [Fact]
    public async Task A_401_renews_the_token_once_and_retries_once_never_more()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.Unauthorized).Then(HttpStatusCode.Unauthorized).Then(HttpStatusCode.Unauthorized);
        using var connection = await TestConnections.ConnectAsync(handler);

        var result = await TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), CancellationToken.None);

        Assert.Equal((SubmissionStatus.Unauthorized, 2), (result.Status, result.Attempts));
        Assert.Equal(2, handler.TokenRequests);
        Assert.Equal(["tok-1", "tok-2"], Posts(handler).Select(p => p.Bearer));
    }

    [Fact]
    public async Task A_400_is_not_retried_and_reports_the_servers_problems()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.BadRequest, """{"error":"schema_violation","problems":["snippets[0].relevance_score: 1.2 is outside [0, 1]","b"]}""");
        using var connection = await TestConnections.ConnectAsync(handler);

        var result = await TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), CancellationToken.None);

        Assert.Equal((SubmissionStatus.RankingRejected, 1, 400), (result.Status, result.Attempts, result.HttpStatus));
        Assert.Equal(["snippets[0].relevance_score: 1.2 is outside [0, 1]", "b"], result.Problems);
    }

    [Fact]
    public async Task A_locked_session_is_polled_until_it_unlocks()
    {
        var polls = 0;
        var handler = new ScriptedHandler { SessionAnswer = _ => ScriptedHandler.Json(HttpStatusCode.OK, ++polls < 3 ? """{"state":"locked"}""" : """{"state":"active"}""") }
            .Then(HttpStatusCode.Conflict);
        var time = new FakeTimeProvider(Start);
        using var connection = await ConnectAsync(handler, time);

        var submission = TestConnections.Submitter(connection, lockTimeout: TimeSpan.FromSeconds(10)).SubmitAsync(TestConnections.Ranking(), CancellationToken.None);
        var result = await RunOnFakeClockAsync(submission, time);

        Assert.Equal((SubmissionStatus.Succeeded, 2), (result.Status, result.Attempts));
        Assert.Equal(3, polls);
        Assert.True(time.GetUtcNow() - Start < TimeSpan.FromSeconds(10), "it posted again once the session unlocked, not at the lock timeout");
    }

    [Fact]
    public async Task A_session_locked_past_the_lock_timeout_fails_as_locked()
    {
        var handler = new ScriptedHandler { SessionAnswer = _ => ScriptedHandler.Json(HttpStatusCode.OK, """{"state":"locked"}""") }.Then(HttpStatusCode.Conflict);
        var time = new FakeTimeProvider(Start);
        using var connection = await ConnectAsync(handler, time);

        var submission = TestConnections.Submitter(connection, lockTimeout: TimeSpan.FromMilliseconds(600)).SubmitAsync(TestConnections.Ranking(), CancellationToken.None);
        var result = await RunOnFakeClockAsync(submission, time);

        Assert.Equal((SubmissionStatus.SessionLocked, 1, 409), (result.Status, result.Attempts, result.HttpStatus));
        Assert.True(time.GetUtcNow() - Start >= TimeSpan.FromMilliseconds(600), "it gave up only at the lock timeout");
    }

    [Fact]
    public async Task Cancellation_stops_a_long_retry_after_at_once()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.TooManyRequests, shape: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)));
        var time = new FakeTimeProvider(Start);
        using var connection = await ConnectAsync(handler, time);
        using var stop = new CancellationTokenSource();

        var submission = TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), stop.Token);
        // The fake clock stands still: the 30 s Retry-After can only end by cancellation.
        var hangGuard = System.Diagnostics.Stopwatch.StartNew();
        while (Posts(handler).Count() < 1 && hangGuard.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(1);
        stop.Cancel();
        var ended = await Task.WhenAny(submission, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(submission, ended);
        var result = await submission;
        Assert.Equal((SubmissionStatus.Cancelled, 1), (result.Status, result.Attempts));
        Assert.Equal(Start, time.GetUtcNow());
    }

    [Fact]
    public async Task The_total_timeout_bounds_a_submission()
    {
        // Still on the real clock: the submitter bounds the total with CancellationTokenSource.CancelAfter.
        var handler = new ScriptedHandler().Then(HttpStatusCode.TooManyRequests, shape: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)));
        using var connection = await TestConnections.ConnectAsync(handler, total: TimeSpan.FromMilliseconds(500), request: TimeSpan.FromMilliseconds(400));

        var result = await TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), CancellationToken.None);

        Assert.Equal(SubmissionStatus.TimedOut, result.Status);
    }

    [Fact]
    public async Task An_invalid_ranking_is_never_sent()
    {
        var handler = new ScriptedHandler();
        using var connection = await TestConnections.ConnectAsync(handler);
        var invalid = CXoneRanking.Ranking.RankingEngine.RankSession("s", [Ranks.Of("a", 0.5, session: "s"), Ranks.Of("a", 0.4, session: "s")], new RankingOptions());

        var result = await TestConnections.Submitter(connection).SubmitAsync(invalid, CancellationToken.None);

        Assert.Equal((SubmissionStatus.InvalidRanking, 0), (result.Status, result.Attempts));
        Assert.Contains(result.Problems, p => p.Contains("appears twice"));
        Assert.Empty(Posts(handler));
    }

    [Fact]
    public async Task An_invalid_rankings_error_starts_with_its_first_problem_and_counts_the_rest()
    {
        using var connection = await TestConnections.ConnectAsync(new ScriptedHandler());
        var ranks = new[] { Ranks.Of("a", 0.5, session: "s"), Ranks.Of("a", 0.4, session: "s"), Ranks.Of("b", 1.5, session: "s") };
        var invalid = CXoneRanking.Ranking.RankingEngine.RankSession("s", ranks, new RankingOptions());

        var result = await TestConnections.Submitter(connection).SubmitAsync(invalid, CancellationToken.None);

        Assert.Equal($"{invalid.Errors[0].Message} (and 1 more); nothing was sent", result.Error);
    }
}
