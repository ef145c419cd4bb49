using System.Text;
using CXoneRanking.Api;
using CXoneRanking.Audit;
using CXoneRanking.Ranking;
using CXoneRanking.Tests.Api;
using Microsoft.Extensions.Logging.Abstractions;

namespace CXoneRanking.Tests.Replay;

/// <summary>What the first entry of a submission records (docs/audit-log.md#how-a-ranking-came-to-be), and that it is chained.</summary>
public sealed class RankingOriginsTests : IDisposable
{
    private readonly string _audit = Path.Combine(Path.GetTempPath(), "cxone-origins-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_audit)) Directory.Delete(_audit, recursive: true);
    }

    private async Task<(RankingSubmissionResult Result, ScriptedHandler Handler)> SubmitAsync(SessionRanking ranking)
    {
        var handler = new ScriptedHandler();
        using var connection = await TestConnections.ConnectAsync(handler);
        var submitter = new RankingSubmitter(connection, new AuditLogWriter(_audit), new SubmitOptions(), NullLogger.Instance);
        return (await submitter.SubmitAsync(ranking, CancellationToken.None), handler);
    }

    private static SessionRanking Rank(RankingOptions options, params SnippetRank[] ranks) => RankingEngine.RankSession("s-1", ranks, options);

    private List<AuditEntry> Log() => new AuditLogReader(_audit) { CandidatesFor = _ => true }.ReadEntries().ToList();

    [Fact]
    public async Task Editing_a_logged_candidate_breaks_the_chain()
    {
        await SubmitAsync(Rank(Ranks.Options(), Ranks.Of("KB-1", 0.25), Ranks.Of("KB-2", 0.5)));
        var file = Directory.GetFiles(_audit, "cxone-audit-*.jsonl").Single();
        Assert.True(AuditChainVerifier.Verify(_audit).IsValid);

        var text = File.ReadAllText(file, Encoding.UTF8);
        Assert.Contains("\"r\":0.25", text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace("\"r\":0.25", "\"r\":0.95", StringComparison.Ordinal), new UTF8Encoding(false));

        var check = AuditChainVerifier.Verify(_audit);
        Assert.False(check.IsValid);
        Assert.Equal(1, check.FailedLine);
    }

    [Fact]
    public async Task An_unsound_rule_set_is_recorded_with_the_invalid_ranking_it_made_and_replays_invalid()
    {
        var options = Ranks.Options(directives: [BoostDirective.Boost("category", "billing", double.NaN), BoostDirective.ExcludingSnippet("")]);

        var (result, handler) = await SubmitAsync(Rank(options, Ranks.Of("KB-1", 0.5, metadata: ("category", "billing"))));

        Assert.Equal(SubmissionStatus.InvalidRanking, result.Status);
        Assert.DoesNotContain(handler.Requests, r => r.Method == "POST" && r.Uri.AbsolutePath.EndsWith("/ranking", StringComparison.Ordinal));
        var log = Log();
        Assert.Equal([AuditEvent.RankingDirectives, AuditEvent.RankingFailed], log.Select(e => e.Event));
        Assert.Contains("\"factor\":\"NaN\"", log[0].Directives!.Json, StringComparison.Ordinal);
        var history = RankingHistoryReader.Read(_audit, "s-1");
        var replay = Assert.Single(history.Rankings).Replay();
        Assert.Equal(2, replay.Errors.Count(e => e.Code == RankingIssueCodes.InvalidDirective));
    }

    [Fact]
    public async Task A_candidate_the_log_cannot_carry_makes_the_session_invalid_and_is_recorded_as_a_held_back_row()
    {
        var (result, handler) = await SubmitAsync(Rank(Ranks.Options(), Ranks.Of("KB-\uD800", 0.5), Ranks.Of("KB-2", 0.5)));

        Assert.Equal(SubmissionStatus.InvalidRanking, result.Status);
        Assert.DoesNotContain(handler.Requests, r => r.Method == "POST" && r.Uri.AbsolutePath.EndsWith("/ranking", StringComparison.Ordinal));
        var entry = Assert.Single(Log());
        Assert.Equal("KB-2", Assert.Single(entry.Candidates!).SnippetId);
        Assert.Contains("unpaired surrogate", Assert.Single(entry.HeldBackRows!).Error, StringComparison.Ordinal);
        Assert.False(Assert.Single(RankingHistoryReader.Read(_audit, "s-1").Rankings).Replay().IsValid);
        Assert.True(AuditChainVerifier.Verify(_audit).IsValid);
    }

    [Fact]
    public async Task The_options_are_recorded_only_where_they_differ_from_the_defaults()
    {
        await SubmitAsync(Rank(Ranks.Options(), Ranks.Of("KB-1", 0.5)));
        await SubmitAsync(Rank(Ranks.Options(window: 3, overflow: OverflowMode.Clamp, normalize: true), Ranks.Of("KB-1", 0.5)));

        var sending = Log().Where(e => e.Event == AuditEvent.RankingSending).ToList();
        Assert.Equal((null, null, null, 10), (sending[0].DirectiveSet, sending[0].Overflow, sending[0].Normalize, sending[0].MaxWindow));
        Assert.Equal(("Clamp", true, 3), (sending[1].Overflow, sending[1].Normalize, sending[1].MaxWindow));
        Assert.All(Log().Where(e => e.Event == AuditEvent.RankingSubmitted), e => Assert.False(e.HasCandidates));
    }

    // A rule the log could not record exactly must not rank a session that is sent. (Built in code: an attribute's
    // strings are stored as UTF-8, which turns an unpaired surrogate into U+FFFD.)
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_rule_with_text_json_cannot_carry_is_unsound(int where)
    {
        var lone = "\uD800";
        var rule = where switch
        {
            0 => new BoostDirective { MetadataKey = "category", Value = "bill" + lone + "*", Factor = 1.5 },
            1 => new BoostDirective { MetadataKey = "cat" + lone, Value = "*", Factor = 1.5 },
            _ => new BoostDirective { SnippetId = "KB-" + lone + "*", Factor = 1.5 },
        };

        Assert.Contains("unpaired surrogate", rule.Problem(), StringComparison.Ordinal);
        Assert.False(Rank(Ranks.Options(directives: [rule]), Ranks.Of("KB-1", 0.5)).IsValid);
    }
}
