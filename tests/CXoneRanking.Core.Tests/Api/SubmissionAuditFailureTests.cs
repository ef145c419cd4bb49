using System.Net;
using CXoneRanking.Api;
using CXoneRanking.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace CXoneRanking.Tests.Api;

/// <summary>
/// Nothing is sent that the audit log cannot record: a ranking.sending entry precedes every
/// POST, a session is not sent when it cannot be written, an applied session is returned even
/// when its outcome cannot be written, and after the first failure nothing more is sent.
/// </summary>
public sealed class SubmissionAuditFailureTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cxone-submit-audit-" + Guid.NewGuid().ToString("N"));

    public SubmissionAuditFailureTests() => Directory.CreateDirectory(_root);

    private string AuditPath => Path.Combine(_root, "audit");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private RankingSubmitter Submitter(CXoneConnection connection) =>
        new(connection, new AuditLogWriter(AuditPath), new SubmitOptions { LockTimeout = TimeSpan.FromSeconds(2) }, NullLogger.Instance);

    private static int Posts(ScriptedHandler handler) =>
        handler.Requests.Count(r => r.Method == "POST" && r.Uri.AbsolutePath.EndsWith("/ranking", StringComparison.Ordinal));

    // What Connect-CXone -AuditPath dir, then dir replaced by a plain file, does to the writer.
    private void BreakAuditDirectory()
    {
        Directory.Delete(AuditPath, recursive: true);
        File.WriteAllText(AuditPath, "not a folder");
    }

    private List<AuditEntry> Log() => new AuditLogReader(AuditPath).ReadEntries().ToList();

    [Fact]
    public async Task Writes_the_write_ahead_entry_before_the_post_and_the_outcome_after_it_with_one_key()
    {
        List<AuditEntry>? atPost = null;
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, """{"accepted":true}""", _ => atPost = Log());
        using var connection = await TestConnections.ConnectAsync(handler);
        var ranking = TestConnections.Ranking("s-1");

        var result = await Submitter(connection).SubmitAsync(ranking, CancellationToken.None);

        var sending = Assert.Single(atPost!);
        Assert.Equal((AuditEvent.RankingSending, "s-1", result.IdempotencyKey), (sending.Event, sending.SessionId, sending.IdempotencyKey));
        Assert.Equal((2, ranking.Payload!.ComputeChecksum()), (sending.SnippetCount, sending.RankingChecksum));
        Assert.Equal([AuditEvent.RankingSending, AuditEvent.RankingSubmitted], Log().Select(e => e.Event));
        Assert.Equal(result.IdempotencyKey, Log()[1].IdempotencyKey);
        Assert.Null(result.AuditError);
    }

    [Fact]
    public async Task Does_not_send_a_session_whose_write_ahead_entry_cannot_be_written()
    {
        var handler = new ScriptedHandler();
        using var connection = await TestConnections.ConnectAsync(handler);
        Directory.CreateDirectory(AuditPath);
        BreakAuditDirectory();

        var result = await Submitter(connection).SubmitAsync(TestConnections.Ranking("s-1"), CancellationToken.None);

        Assert.Equal(SubmissionStatus.AuditUnavailable, result.Status);
        Assert.Equal(0, Posts(handler));
        Assert.Contains("not sent", result.Error);
        Assert.NotNull(result.AuditError);
    }

    [Fact]
    public async Task Returns_an_applied_session_whose_outcome_cannot_be_written_and_then_sends_nothing_more()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, """{"accepted":true}""", _ => BreakAuditDirectory());
        using var connection = await TestConnections.ConnectAsync(handler);
        var submitter = Submitter(connection);

        var applied = await submitter.SubmitAsync(TestConnections.Ranking("s-1"), CancellationToken.None);
        Directory.Delete(_root, recursive: true);   // even a directory that works again is not used: the run failed closed
        Directory.CreateDirectory(_root);
        var next = await submitter.SubmitAsync(TestConnections.Ranking("s-2"), CancellationToken.None);

        Assert.Equal(SubmissionStatus.Succeeded, applied.Status);
        Assert.Contains(AuditPath, applied.AuditError);
        Assert.Equal(SubmissionStatus.AuditUnavailable, next.Status);
        Assert.Contains("failed earlier in this run", next.AuditError);
        Assert.Equal(1, Posts(handler));
    }

    [Fact]
    public async Task Records_sessions_never_started_in_one_batch_as_cancelled_without_a_write_ahead()
    {
        var handler = new ScriptedHandler();
        using var connection = await TestConnections.ConnectAsync(handler);
        var rankings = Enumerable.Range(1, 500).Select(i => TestConnections.Ranking($"q-{i}")).ToList();

        var results = await Submitter(connection).CancelNotStartedAsync(rankings);

        Assert.All(results, r => Assert.Equal((SubmissionStatus.Cancelled, 0, null), (r.Status, r.Attempts, r.AuditError)));
        Assert.Equal(rankings.Select(r => r.SessionId), results.Select(r => r.SessionId));
        var log = Log();
        Assert.Equal(500, log.Count);
        Assert.All(log, e => Assert.Equal((AuditEvent.RankingCancelled, 0), (e.Event, e.Attempts)));
        Assert.Single(log.Select(e => e.Timestamp).Distinct());
        Assert.Equal(0, Posts(handler));
    }

    [Fact]
    public async Task A_submission_stopped_before_it_starts_is_cancelled_without_a_write_ahead_or_a_post()
    {
        var handler = new ScriptedHandler();
        using var connection = await TestConnections.ConnectAsync(handler);
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();

        var result = await Submitter(connection).SubmitAsync(TestConnections.Ranking("s-1"), stopped.Token);

        Assert.Equal(SubmissionStatus.Cancelled, result.Status);
        Assert.Equal([AuditEvent.RankingCancelled], Log().Select(e => e.Event));
        Assert.Equal(0, Posts(handler));
    }
}
