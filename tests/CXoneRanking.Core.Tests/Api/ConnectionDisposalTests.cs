using CXoneRanking.Api;

namespace CXoneRanking.Tests.Api;

/// <summary>
/// Disposing a connection frees what it made (HTTP client, -RateLimit bucket) and not what it was
/// given (a caller's handler), and callers using it meanwhile get ObjectDisposedException or a
/// Cancelled result, never another exception and never a wait for a permit or a token.
/// </summary>
public sealed class ConnectionDisposalTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5); // generous: each case ends in milliseconds when right

    private static Task<CXoneConnection> ConnectAsync(ScriptedHandler handler, double? rateLimit = null) =>
        CXoneConnection.ConnectAsync(new ConnectionSettings
        {
            BaseUri = new Uri("https://tenant.example.test"),
            Credentials = new ClientCredentials(new Uri("https://tenant.example.test/oauth/token"), "client",
                SecureStrings.FromText("s3cr3t-value"), ClientCredentials.DefaultScopes),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RateLimitPerSecond = rateLimit,
            Handler = handler,
        }, CancellationToken.None);

    [Fact]
    public async Task A_handler_the_caller_passes_in_stays_usable_after_the_connection_is_disposed()
    {
        var handler = new ScriptedHandler();
        using (var first = await ConnectAsync(handler))
            Assert.True((await TestConnections.Submitter(first).SubmitAsync(TestConnections.Ranking(), CancellationToken.None)).Succeeded);

        Assert.False(handler.Disposed);
        using var second = await ConnectAsync(handler);
        Assert.True((await TestConnections.Submitter(second).SubmitAsync(TestConnections.Ranking(), CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task The_rate_limit_is_disposed_with_the_connection()
    {
        var connection = await ConnectAsync(new ScriptedHandler(), rateLimit: 5);
        var rateLimit = Assert.IsType<SubmissionRateLimit>(connection.RateLimit);

        connection.Dispose();

        Assert.True(rateLimit.IsDisposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => rateLimit.AcquireAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Submissions_queued_for_a_permit_end_Cancelled_when_the_connection_is_disposed()
    {
        var handler = new ScriptedHandler();
        var connection = await ConnectAsync(handler, rateLimit: 0.1); // one permit, the next in 10 s
        var submitter = TestConnections.Submitter(connection);
        var submissions = Enumerable.Range(1, 3)
            .Select(i => submitter.SubmitAsync(TestConnections.Ranking($"s-{i}"), CancellationToken.None)).ToList();
        await WaitUntilAsync(() => handler.Requests.Count(r => r.Method == "POST" && r.Uri.AbsolutePath != "/oauth/token") == 1);

        connection.Dispose();
        var results = await Task.WhenAll(submissions).WaitAsync(Bound);

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r =>
        {
            Assert.Equal(SubmissionStatus.Cancelled, r.Status);
            Assert.Contains("Disconnect-CXone", r.Error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Callers_waiting_for_a_token_renewal_get_ObjectDisposedException_when_the_connection_is_disposed()
    {
        var handler = new ScriptedHandler();
        var connection = await ConnectAsync(handler);
        handler.TokenDelay = TimeSpan.FromSeconds(30); // the renewal below hangs until the client is closed
        connection.InvalidateToken(await connection.GetTokenAsync(CancellationToken.None));
        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(() => connection.GetTokenAsync(CancellationToken.None))).ToList();
        await WaitUntilAsync(() => handler.Requests.Count(r => r.Uri.AbsolutePath == "/oauth/token") == 2); // sign-in, then the renewal

        connection.Dispose();

        foreach (var caller in callers)
            await Assert.ThrowsAsync<ObjectDisposedException>(() => caller.WaitAsync(Bound));
        Assert.True(connection.IsDisconnected);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => connection.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Disposing_from_several_threads_while_sessions_submit_ends_every_submission_with_a_result()
    {
        var handler = new ScriptedHandler();
        var connection = await ConnectAsync(handler, rateLimit: 50);
        var submitter = TestConnections.Submitter(connection);
        using var go = new ManualResetEventSlim();
        var submissions = Enumerable.Range(1, 40).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await submitter.SubmitAsync(TestConnections.Ranking($"s-{i}"), CancellationToken.None);
        })).ToList();
        var disposers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            go.Wait();
            connection.Dispose();
        })).ToList();

        go.Set();
        await Task.WhenAll(disposers).WaitAsync(Bound);
        var results = await Task.WhenAll(submissions).WaitAsync(Bound);

        Assert.All(results, r => Assert.Contains(r.Status, new[] { SubmissionStatus.Succeeded, SubmissionStatus.Cancelled }));
        Assert.True(connection.IsDisconnected);
    }

    [Fact]
    public async Task A_ranking_POST_cut_off_by_Dispose_ends_Cancelled_not_as_a_transport_failure()
    {
        using var posted = new ManualResetEventSlim();
        var handler = new ScriptedHandler();
        var connection = await CXoneConnection.ConnectAsync(new ConnectionSettings
        {
            BaseUri = new Uri("https://tenant.example.test"),
            Credentials = new ClientCredentials(new Uri("https://tenant.example.test/oauth/token"), "client",
                SecureStrings.FromText("s3cr3t-value"), ClientCredentials.DefaultScopes),
            MaxAttempts = 1,
            Handler = new HangingPostHandler(handler, posted),
        }, CancellationToken.None);
        var submission = TestConnections.Submitter(connection).SubmitAsync(TestConnections.Ranking(), CancellationToken.None);
        Assert.True(posted.Wait(Bound));

        connection.Dispose();
        var result = await submission.WaitAsync(Bound);

        Assert.Equal(SubmissionStatus.Cancelled, result.Status);
        Assert.Contains("Disconnect-CXone", result.Error, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (!condition()) await Task.Delay(10, timeout.Token);
    }
}

/// <summary>Answers token requests through <paramref name="inner"/>; holds every ranking POST until it is cancelled.</summary>
file sealed class HangingPostHandler(ScriptedHandler inner, ManualResetEventSlim posted) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal))
            return await base.SendAsync(request, cancellationToken);
        posted.Set();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("not reached");
    }
}
