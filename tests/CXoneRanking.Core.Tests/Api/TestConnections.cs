using CXoneRanking.Api;
using CXoneRanking.Ranking;
using Microsoft.Extensions.Logging.Abstractions;

namespace CXoneRanking.Tests.Api;

internal static class TestConnections
{
    public static async Task<CXoneConnection> ConnectAsync(ScriptedHandler handler, int maxAttempts = 5, TimeSpan? total = null, TimeSpan? request = null) =>
        await CXoneConnection.ConnectAsync(new ConnectionSettings
        {
            BaseUri = new Uri("https://tenant.example.test"),
            Credentials = new ClientCredentials(new Uri("https://tenant.example.test/oauth/token"), "client", SecureStrings.FromText("s3cr3t-value"), ClientCredentials.DefaultScopes),
            MaxAttempts = maxAttempts,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RequestTimeout = request ?? TimeSpan.FromSeconds(5),
            TotalTimeout = total ?? TimeSpan.FromSeconds(30),
            Handler = handler,
        }, CancellationToken.None);

    public static SessionRanking Ranking(string sessionId = "s-1") =>
        RankingEngine.RankSession(sessionId, [Ranks.Of("KB-1", 0.9, session: sessionId), Ranks.Of("KB-2", 0.5, session: sessionId)], new RankingOptions());

    public static RankingSubmitter Submitter(CXoneConnection connection, TimeSpan? lockTimeout = null) =>
        new(connection, audit: null, new SubmitOptions { LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(2) }, NullLogger.Instance);
}
