using System.Net;
using CXoneRanking.Api;
using CXoneRanking.Audit;
using CXoneRanking.Experiments;
using CXoneRanking.Ranking;
using CXoneRanking.Tests.Api;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Tests.Replay;

/// <summary>
/// A large audit log written through the real submit path (RankingSubmitter against the scripted API): several runs a day
/// apart, each with its own options (boosts and exclusions by metadata and by id pattern, windows, overflow modes,
/// normalization), one run an experiment with two arms, invalid rows and held-back sessions, rejected, cancelled and
/// never-started sessions, entries of an older module (no candidates), clicks, and an imported Expert search.
/// </summary>
public sealed class GeneratedRankingLog : IDisposable
{
    public const int SessionIds = 150;
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(20261207);
    private readonly FakeTimeProvider _time = new(Start);

    public GeneratedRankingLog() => Directory.CreateDirectory(AuditPath);

    public string AuditPath { get; } = Path.Combine(Path.GetTempPath(), "cxone-replay-" + Guid.NewGuid().ToString("N"));

    /// <summary>How many submissions the runs made (each one logged submission), and how many rule sets each run used.</summary>
    public int Submissions { get; private set; }
    public List<int> SetsPerRun { get; } = [];

    /// <summary>Submissions written as a module before 0.3 wrote them (no candidates), and their sessions.</summary>
    public int OldFormat { get; private set; }

    public void Dispose() => Directory.Delete(AuditPath, recursive: true);

    public static async Task<GeneratedRankingLog> WriteAsync(int runs = 8, int sessionsPerRun = 120)
    {
        var log = new GeneratedRankingLog();
        await log.WriteRunsAsync(runs, sessionsPerRun);
        return log;
    }

    private AuditLogWriter Writer() => new(new AuditLogWriterOptions(AuditPath) { TimeProvider = _time });

    private async Task WriteRunsAsync(int runs, int sessionsPerRun)
    {
        WriteOldFormat(10);
        for (var run = 0; run < runs; run++)
        {
            _time.Advance(TimeSpan.FromHours(20));
            await WriteRunAsync(run, sessionsPerRun);
            WriteClicks(sessionsPerRun);
        }
        WriteExpertSearch();
    }

    private async Task WriteRunAsync(int run, int sessionsPerRun)
    {
        var options = OptionsOf(run);
        var experiment = run % 3 == 1
            ? new RankingExperiment($"exp-{run}", [BoostDirective.BoostSnippet("KB-2*", 1.7), BoostDirective.Excluding("lang", "de")], 50)
            : null;
        var grouper = new SessionGrouper();
        var number = 0;
        foreach (var sessionId in Enumerable.Range(0, sessionsPerRun).Select(_ => $"s-{_random.Next(SessionIds)}").Distinct())
            foreach (var rank in SessionRanks(sessionId)) grouper.Add(rank, ++number);
        var rankings = (experiment is null ? grouper.RankAll(options) : experiment.RankAll(grouper, options)).ToList();
        SetsPerRun.Add(rankings.Select(r => DirectiveSet.Of(r.Options!.Directives)?.Hash).OfType<string>().Distinct().Count());

        var handler = new ScriptedHandler();
        for (var i = 0; i < rankings.Count; i++)
            handler.Then(_random.Next(12) == 0 ? HttpStatusCode.BadRequest : HttpStatusCode.OK, """{"accepted":true}""");
        using var connection = await ConnectAsync(handler);
        var submitter = new RankingSubmitter(connection, Writer(), new SubmitOptions { LockTimeout = TimeSpan.FromSeconds(2) },
            NullLogger.Instance);
        var notStarted = rankings.Where(_ => _random.Next(25) == 0).ToList();
        foreach (var ranking in rankings.Except(notStarted))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await submitter.SubmitAsync(ranking, CancellationToken.None);
        }
        using (var stopped = new CancellationTokenSource())
        {
            stopped.Cancel();
            foreach (var ranking in notStarted.Take(1)) await submitter.SubmitAsync(ranking, stopped.Token);  // stopped before the write-ahead
        }
        await submitter.CancelNotStartedAsync(notStarted.Skip(1).ToList());
        Submissions += rankings.Count;
    }

    private Task<CXoneConnection> ConnectAsync(ScriptedHandler handler) => CXoneConnection.ConnectAsync(new ConnectionSettings
    {
        BaseUri = new Uri("https://tenant.example.test"),
        Credentials = new ClientCredentials(new Uri("https://tenant.example.test/oauth/token"), "client",
            SecureStrings.FromText("s3cr3t-value"), ClientCredentials.DefaultScopes),
        MaxAttempts = 1,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        Handler = handler,
        Time = _time,
    }, CancellationToken.None);

    private RankingOptions OptionsOf(int run)
    {
        BoostDirective[][] sets =
        [
            [],
            [BoostDirective.Boost("category", "billing", 1.5), BoostDirective.Excluding("category", "spam")],
            [BoostDirective.BoostSnippet("KB-1?", 2.5), BoostDirective.ExcludingSnippet("KB-3[0-4]"), BoostDirective.Boost("product", "p*", 1.2)],
            [new BoostDirective { MetadataKey = "lang", Value = "en", SnippetId = "KB-4*", Factor = 3 }, BoostDirective.Boost("category", "*", 0.8)],
            [BoostDirective.Boost("category", "billing", 12)],   // unsound: every session of the run is invalid
        ];
        return new RankingOptions
        {
            MaxResultWindow = new[] { 3, 5, 10, 12, 50 }[run % 5],
            Directives = sets[run % sets.Length],
            Overflow = (OverflowMode)(run % 3),
            Normalize = run % 2 == 1,
        };
    }

    private IEnumerable<SnippetRank> SessionRanks(string sessionId)
    {
        var count = _random.Next(1, 21);
        var ids = Enumerable.Range(0, 60).OrderBy(_ => _random.Next()).Take(count).Select(i => $"KB-{i}").ToList();
        if (_random.Next(30) == 0) ids.Add(ids[0]);   // a duplicate id: invalid
        string[] categories = ["billing", "spam", "howto", "returns"];
        foreach (var id in ids)
        {
            var relevance = _random.Next(40) == 0 ? (_random.Next(2) == 0 ? double.NaN : 1.5) : Math.Round(_random.NextDouble(), _random.Next(1, 8));
            var rank = new SnippetRank
            {
                SessionId = sessionId, SnippetId = id, RelevanceScore = relevance,
                BoostFactor = _random.Next(4) == 0 ? Math.Round(0.5 + _random.NextDouble() * 2, 3) : 1.0,
                Metadata = new Dictionary<string, string>
                {
                    ["category"] = categories[_random.Next(categories.Length)], ["product"] = $"p{_random.Next(5)}",
                    ["lang"] = _random.Next(3) == 0 ? "de" : "en",
                },
            };
            if (_random.Next(5) == 0) rank.Signals = [new WeightedSignal("bm25", relevance, 0.7), new WeightedSignal("vector", 0.4, 0.3)];
            yield return rank;
        }
        if (_random.Next(40) == 0)
            yield return new SnippetRank { SessionId = sessionId, SnippetId = "KB-bad", RowError = "input 7: relevance score 'x' is not a number" };
    }

    private void WriteClicks(int count)
    {
        var entries = new List<AuditEntry>();
        for (var i = 0; i < count; i++)
        {
            var at = _time.GetUtcNow().AddMinutes(_random.Next(1, 600));
            entries.Add(AuditEntry.Click($"s-{_random.Next(SessionIds)}", $"KB-{_random.Next(60)}", _random.Next(1, 8), at));
        }
        Writer().Append(entries);
    }

    private void WriteOldFormat(int sessions)
    {
        var entries = new List<AuditEntry>();
        for (var i = 0; i < sessions; i++)
        {
            var key = Guid.NewGuid().ToString();
            var at = _time.GetUtcNow().AddMinutes(i);
            foreach (var name in new[] { AuditEvent.RankingSending, AuditEvent.RankingSubmitted })
            {
                var entry = AuditEntry.Ranking(name, $"s-{i}", at);
                (entry.Snippets, entry.SnippetCount, entry.RankingChecksum, entry.IdempotencyKey) = (["KB-1", "KB-2"], 2, new string('a', 64), key);
                if (name == AuditEvent.RankingSubmitted) entry.Status = "Succeeded";
                entries.Add(entry);
            }
        }
        Writer().Append(entries);
        OldFormat = sessions;
    }

    private void WriteExpertSearch() => Writer().Append(new AuditEntry(AuditEvent.ExpertSearch, _time.GetUtcNow())
    {
        SessionId = "expert-query-1", SnippetCount = 3, ExpertQueryId = 1, ExpertTerms = "refund",
    });
}
