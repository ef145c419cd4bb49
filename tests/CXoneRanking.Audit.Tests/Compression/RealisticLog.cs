using System.Net;
using System.Text;
using CXoneRanking.Api;
using CXoneRanking.Experiments;
using CXoneRanking.Ranking;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Audit.Tests.Compression;

/// <summary>
/// An audit log as a contact centre writes it, through the real submit path (<see cref="RankingSubmitter"/>, so every
/// ranking carries its write-ahead entry and its candidates) and the real writer: each day a run of sessions with about
/// 15 candidates each (ids from a catalogue, three metadata keys, scores of four decimals), an experiment on odd days,
/// one session in 20 rejected by the API, and clicks on about 40% of the sessions, a few of them the next day.
/// </summary>
internal static class RealisticLog
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 7, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="days"/> days into <paramref name="directory"/>; returns the clock's time at the end.</summary>
    public static DateTimeOffset Write(string directory, int days, int sessionsPerDay, int seed = 2026) =>
        WriteAsync(directory, days, sessionsPerDay, seed).GetAwaiter().GetResult();

    private static async Task<DateTimeOffset> WriteAsync(string directory, int days, int sessionsPerDay, int seed)
    {
        var random = new Random(seed);
        var time = new FakeTimeProvider(Start);
        var writer = new AuditLogWriter(new AuditLogWriterOptions(directory) { TimeProvider = time });
        using var handler = new AcceptingHandler(random);
        using var connection = await CXoneConnection.ConnectAsync(new ConnectionSettings
        {
            BaseUri = new Uri("https://tenant.example.test"),
            Credentials = new ClientCredentials(new Uri("https://tenant.example.test/oauth/token"), "client",
                SecureStrings.FromText("s3cr3t-value"), ClientCredentials.DefaultScopes),
            MaxAttempts = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            Handler = handler,
            Time = time,
        }, CancellationToken.None);
        var submitter = new RankingSubmitter(connection, writer, new SubmitOptions { LockTimeout = TimeSpan.FromSeconds(5) }, NullLogger.Instance);
        var lateClicks = new List<AuditEntry>();
        for (var day = 0; day < days; day++)
        {
            time.SetUtcNow(Start.AddDays(day));
            if (lateClicks.Count > 0) writer.Append(lateClicks);
            lateClicks = [];
            var grouper = new SessionGrouper();
            var number = 0;
            for (var s = 0; s < sessionsPerDay; s++)
                foreach (var rank in Candidates(random, $"contact-{700000000 + day * 10000 + s}")) grouper.Add(rank, ++number);
            var options = new RankingOptions { MaxResultWindow = 10, Directives = [BoostDirective.Boost("category", "billing", 1.3)] };
            var experiment = day % 2 == 1 ? new RankingExperiment("boost-howto", [BoostDirective.Boost("category", "howto", 1.5)], 50) : null;
            var rankings = (experiment is null ? grouper.RankAll(options) : experiment.RankAll(grouper, options)).ToList();
            var clicks = new List<AuditEntry>();
            foreach (var ranking in rankings)
            {
                time.Advance(TimeSpan.FromSeconds(random.Next(5, 40)));
                var result = await submitter.SubmitAsync(ranking, CancellationToken.None);
                if (!result.Succeeded || result.Ranking.Count == 0 || random.NextDouble() > 0.4) continue;
                var shown = result.Ranking.Select(p => p.SnippetId).ToList();
                var position = Math.Min(shown.Count, 1 + (int)(-Math.Log(1 - random.NextDouble()) * 1.5));
                var click = AuditEntry.Click(ranking.SessionId, shown[position - 1], position, time.GetUtcNow().AddSeconds(random.Next(5, 90)));
                (random.Next(10) == 0 ? lateClicks : clicks).Add(click);
            }
            writer.Append(clicks);
        }
        return time.GetUtcNow();
    }

    private static IEnumerable<SnippetRank> Candidates(Random random, string sessionId)
    {
        string[] categories = ["billing", "howto", "returns", "shipping", "account"];
        var count = random.Next(12, 19);
        foreach (var id in Enumerable.Range(0, 400).OrderBy(_ => random.Next()).Take(count))
        {
            yield return new SnippetRank
            {
                SessionId = sessionId, SnippetId = $"KB-{1000 + id}", RelevanceScore = Math.Round(random.NextDouble(), 4),
                Metadata = new Dictionary<string, string>
                {
                    ["category"] = categories[id % categories.Length], ["product"] = $"product-{id % 7}", ["lang"] = id % 5 == 0 ? "de" : "en",
                },
            };
        }
    }

    /// <summary>The API: tokens on request, and every ranking accepted but one in 20 (a 400, which is not retried).</summary>
    private sealed class AcceptingHandler(Random random) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal))
                return Task.FromResult(Json(HttpStatusCode.OK, """{"access_token":"tok","expires_in":3600,"token_type":"Bearer"}"""));
            lock (random)
                return Task.FromResult(random.Next(20) == 0
                    ? Json(HttpStatusCode.BadRequest, """{"error":"invalid snippet"}""")
                    : Json(HttpStatusCode.OK, """{"accepted":true}"""));
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
