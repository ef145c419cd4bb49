using CXoneRanking.Audit;
using CXoneRanking.Ranks;

namespace CXoneRanking.Tests.Replay;

/// <summary>
/// Get-RankingHistory checks the hash of each entry it explains as it reads it: an edit that leaves the replay as it was
/// (the relevance of a candidate that was not shown) still shows, as <see cref="LoggedRanking.Verified"/> false.
/// </summary>
public sealed class RankingHashCheckTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cxone-hash-" + Guid.NewGuid().ToString("N"));

    public RankingHashCheckTests()
    {
        var sending = new AuditEntry(AuditEvent.RankingSending, At)
        {
            SessionId = "s-1", IdempotencyKey = "k1", MaxWindow = 1, SnippetCount = 1, Snippets = ["KB-1"],
            Candidates = [Candidate(1, "KB-1", 0.9), Candidate(2, "KB-2", 0.5563)],
        };
        var outcome = new AuditEntry(AuditEvent.RankingSubmitted, At.AddSeconds(1))
        {
            SessionId = "s-1", IdempotencyKey = "k1", MaxWindow = 1, SnippetCount = 1, Snippets = ["KB-1"], Status = "Succeeded", Attempts = 1,
        };
        new AuditLogWriter(_directory).Append([sending, outcome]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static RankInput Candidate(int number, string id, double relevance) => new(number, id, relevance, 1.0, default, null);

    private LoggedRanking ReadBack() => Assert.Single(RankingHistoryReader.Read(_directory, "s-1").Rankings);

    private void Edit(string from, string to)
    {
        var file = Directory.GetFiles(_directory, "cxone-audit-*.jsonl").Single();
        var text = File.ReadAllText(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void An_entry_as_written_is_verified()
    {
        var ranking = ReadBack();

        Assert.True(ranking.Verified);
        Assert.Equal(["KB-1"], ranking.Replay().Snippets!.Select(s => s.SnippetId));
    }

    [Fact]
    public void A_candidate_edited_without_a_new_hash_is_not_verified_though_the_replay_is_the_same()
    {
        Edit("\"r\":0.5563", "\"r\":0.0001");

        var ranking = ReadBack();

        Assert.False(ranking.Verified);
        Assert.Equal(["KB-1"], ranking.Replay().Snippets!.Select(s => s.SnippetId));
        Assert.Equal(0.0001, ranking.GetCandidates()[1].RelevanceScore, 15); // Mono's JSON number parser is off in the last bits
    }

    [Fact]
    public void An_outcome_edited_without_a_new_hash_is_not_verified()
    {
        Edit("\"attempts\":1", "\"attempts\":2");

        Assert.False(ReadBack().Verified);
    }

    [Fact]
    public void Readers_that_do_not_ask_check_no_hash()
    {
        Edit("\"r\":0.5563", "\"r\":0.0001");

        var entries = new AuditLogReader(_directory) { CandidatesFor = _ => true }.ReadEntries().ToList();

        Assert.All(entries, e => Assert.Null(e.HoldsItsHash));
    }
}
