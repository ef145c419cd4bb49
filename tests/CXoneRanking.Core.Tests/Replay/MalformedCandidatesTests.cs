using CXoneRanking.Audit;
using CXoneRanking.Metrics;

namespace CXoneRanking.Tests.Replay;

/// <summary>
/// A ranking entry whose <c>candidates</c> cannot be read (an edited or foreign log) stays an entry for every reader that does
/// not need them, and the readers that do count it apart from rankings logged before candidates were recorded.
/// </summary>
public sealed class MalformedCandidatesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cxone-malformed-" + Guid.NewGuid().ToString("N"));

    public MalformedCandidatesTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Malformed() =>
    [
        "null", "{}", "\"KB-1\"", "[1,2,3]",
        """[{"id":"KB-1","r":0.5,"b":"2"}]""", """[{"id":1,"r":0.5}]""", """[{"id":"KB-1","r":[1,2]}]""",
        """[{"id":"KB-1","r":0.5,"m":["a"]}]""", """[{"id":"KB-1","r":0.5,"s":"abc"}]""", """[{"id":"KB-1","e":5}]""",
        """[{"id":"KB-\ud800","r":0.5}]""",
    ];

    private void WriteLog(string candidates)
    {
        string Line(string at, string rest) => $$"""{"timestamp":"2026-12-07T10:00:{{at}}Z",{{rest}}}""";
        File.WriteAllLines(Path.Combine(_directory, "cxone-audit-20261207.jsonl"),
        [
            Line("00.000", $$"""
                "event":"ranking.sending","session_id":"evil","snippet_count":1,"max_window":5,"snippets":["KB-1"],"idempotency_key":"k1","candidates":{{candidates}}
                """),
            Line("01.000", """
                "event":"ranking.submitted","session_id":"evil","snippet_count":1,"max_window":5,"snippets":["KB-1"],"status":"Succeeded","http_status":200,"idempotency_key":"k1"
                """),
            Line("02.000", "\"event\":\"click\",\"session_id\":\"evil\",\"snippet_id\":\"KB-1\",\"rank_position\":1"),
        ]);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Every_reader_keeps_the_entry_and_the_what_if_readers_count_it_as_unreadable(string candidates)
    {
        WriteLog(candidates);

        var reader = new AuditLogReader(_directory) { CandidatesFor = _ => true };
        var entries = reader.ReadEntries().ToList();
        var metrics = RankingMetricsCalculator.Calculate(new AuditLogReader(_directory).ReadEntries());
        var history = RankingHistoryReader.Read(_directory, "evil");
        var showings = LoggedShowingReader.Read(_directory);

        Assert.Empty(reader.SkippedLines);
        Assert.Equal(3, entries.Count);
        Assert.NotNull(entries[0].CandidatesProblem);
        Assert.Equal((1, 0, 1L), (metrics.Succeeded, metrics.OutcomeUnknown, metrics.ClickedImpressions));
        Assert.Equal((0, 1), (history.WithoutCandidates, history.UnreadableCandidates));
        Assert.Empty(history.Rankings);
        Assert.StartsWith("session 'evil' at 2026-12-07T10:00:00", history.FirstCandidatesProblem, StringComparison.Ordinal);
        Assert.Equal((0, 1, 0), (showings.WithoutCandidates, showings.UnreadableCandidates, showings.Showings.Count));
        Assert.Equal(history.FirstCandidatesProblem, showings.FirstCandidatesProblem);
        Assert.Equal((1L, 1L), (showings.ImpressionsLeftOut, showings.ClickedImpressionsLeftOut));
        Assert.Equal(
            [$"1 showing whose recorded candidates could not be read was left out (the log was edited, or written by another tool): {history.FirstCandidatesProblem}."],
            global::CXoneRanking.WhatIf.RankingChangeMeasurement.Notes(showings));
    }

    [Fact]
    public void Well_formed_candidates_have_no_problem()
    {
        WriteLog("""[{"id":"KB-1","r":0.5}]""");

        var history = RankingHistoryReader.Read(_directory, "evil");
        var showings = LoggedShowingReader.Read(_directory);

        Assert.Equal((1, 0, (string?)null), (history.Rankings.Count, history.UnreadableCandidates, history.FirstCandidatesProblem));
        Assert.Null(history.Rankings[0].CandidatesProblem);
        Assert.Equal((1, 0), (showings.Showings.Count, showings.UnreadableCandidates));
    }
}
