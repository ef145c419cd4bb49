using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Audit.Tests;

public class AuditLogReaderTests
{
    [Fact]
    public void Reads_every_entry_back_in_chain_order_with_every_field()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => { o.TimeProvider = clock; o.MaxFileBytes = 700; });
        var ranking = Entries.Submitted("s-1", 120, Entries.T0, "KB-1", "KB-2", "KB-3");
        ranking.IdempotencyKey = "k";
        ranking.RankingChecksum = "c";
        ranking.Error = "e";
        ranking.Note = "n";
        writer.Append([ranking, Entries.Click("s-1", "KB-2", 2, Entries.T0.AddSeconds(5))]);
        clock.Advance(TimeSpan.FromDays(1));
        writer.Append(Entries.Failed("s-2", 3000, AuditEvent.RankingCancelled, Entries.T0.AddDays(1)));

        var reader = new AuditLogReader(dir.Path);
        var entries = reader.ReadEntries().ToList();

        Assert.Equal([AuditEvent.RankingSubmitted, AuditEvent.Click, AuditEvent.RankingCancelled], entries.Select(e => e.Event));
        var back = entries[0];
        Assert.Equal((ranking.Timestamp, ranking.SessionId, ranking.SnippetCount, ranking.MaxWindow, ranking.Status, ranking.HttpStatus, ranking.Attempts, ranking.LatencyMs),
            (back.Timestamp, back.SessionId, back.SnippetCount, back.MaxWindow, back.Status, back.HttpStatus, back.Attempts, back.LatencyMs));
        Assert.Equal(ranking.Snippets, back.Snippets);
        Assert.Equal((ranking.IdempotencyKey, ranking.RankingChecksum, ranking.Error, ranking.Note), (back.IdempotencyKey, back.RankingChecksum, back.Error, back.Note));
        Assert.Equal((ranking.ModuleVersion, ranking.Host, ranking.User, ranking.PrevHash, ranking.Hash), (back.ModuleVersion, back.Host, back.User, back.PrevHash, back.Hash));
        Assert.Equal(("KB-2", 2), (entries[1].SnippetId, entries[1].RankPosition));
        Assert.Empty(reader.SkippedLines);
        Assert.Equal(3, reader.FilesRead);
    }

    [Fact]
    public void Skips_torn_lines_and_foreign_json_with_a_warning_for_each()
    {
        using var dir = new TempDirectory();
        Entries.Writer(dir.Path, o => o.TimeProvider = new FakeTimeProvider(Entries.T0)).Append(Entries.Click("s", "a", 1));
        var file = Path.Combine(dir.Path, "cxone-audit-20261125.jsonl");
        File.AppendAllText(file, "{\"timestamp\":\"2026-11-2\n\n{\"hello\":1}\n{\"event\":\"click\",\"timestamp\":\"2026-11-25T19:07:58Z\",\"rank_position\":\"two\"}\n");
        File.AppendAllText(file, File.ReadAllLines(file)[0] + "\n{\"event\":\"click\",\"timestamp\":\"2026-11-25T19:07:58Z\",\"session_id\":\"\\uD800\"}\n{\"event\":\"cl");

        var reader = new AuditLogReader(dir.Path);
        var entries = reader.ReadEntries().ToList();

        Assert.Equal(2, entries.Count);
        Assert.Equal([2, 4, 5, 7, 8], reader.SkippedLines.Select(s => s.LineNumber));
        Assert.Contains("torn", reader.SkippedLines[0].Reason);
        Assert.Contains("no \"event\"", reader.SkippedLines[1].Reason);
        Assert.Contains("\"rank_position\" is not an integer", reader.SkippedLines[2].Reason);
        Assert.Contains("surrogate", reader.SkippedLines[3].Reason);
        Assert.Contains("incomplete", reader.SkippedLines[4].Reason);
        Assert.Equal("cxone-audit-20261125.jsonl:2: " + reader.SkippedLines[0].Reason, reader.SkippedLines[0].ToString());
    }

    [Fact]
    public void Ignores_files_that_are_not_log_files()
    {
        using var dir = new TempDirectory();
        Entries.Writer(dir.Path).Append(Entries.Click("s", "a", 1));
        File.WriteAllText(Path.Combine(dir.Path, "cxone-audit-2026112.jsonl"), "{}\n");
        File.WriteAllText(Path.Combine(dir.Path, "cxone-audit-20261399.jsonl"), "{}\n");
        File.WriteAllText(Path.Combine(dir.Path, "cxone-audit-20261125_000.jsonl"), "{}\n");
        File.WriteAllText(Path.Combine(dir.Path, "other.jsonl"), "{}\n");

        var reader = new AuditLogReader(dir.Path);
        Assert.Single(reader.ReadEntries());
        Assert.Empty(reader.SkippedLines);
    }

    [Fact]
    public void Reads_while_a_writer_appends()
    {
        using var dir = new TempDirectory();
        var writer = Entries.Writer(dir.Path);
        writer.Append(Entries.Click("s", "a", 1));
        var reader = new AuditLogReader(dir.Path);

        using var entries = reader.ReadEntries().GetEnumerator();
        Assert.True(entries.MoveNext());
        writer.Append(Entries.Click("s", "b", 1)); // the file is open for reading right now
        Assert.False(entries.MoveNext()); // the snapshot ends where the log ended when reading began

        Assert.Equal(2, reader.ReadEntries().Count());
    }

    [Fact]
    public void Reads_a_line_longer_than_the_read_buffer()
    {
        using var dir = new TempDirectory();
        var entry = Entries.Submitted("s", 1, null, [.. Enumerable.Range(0, 2000).Select(i => $"KB-{i:D120}")]);
        Entries.Writer(dir.Path).Append(entry);

        var back = Assert.Single(new AuditLogReader(dir.Path).ReadEntries());
        Assert.Equal(2000, back.Snippets!.Count);
        Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
    }

    [Fact]
    public void File_order_is_day_then_sequence()
    {
        var names = new[] { "cxone-audit-20261126.jsonl", "cxone-audit-20261125_010.jsonl", "cxone-audit-20261125_002.jsonl", "cxone-audit-20261125.jsonl", "cxone-audit-20251231_001.jsonl" };
        var ordered = names.Select(n => AuditLogFile.TryParse(n)!).Order().Select(f => f.Name);
        Assert.Equal(["cxone-audit-20251231_001.jsonl", "cxone-audit-20261125.jsonl", "cxone-audit-20261125_002.jsonl", "cxone-audit-20261125_010.jsonl", "cxone-audit-20261126.jsonl"], ordered);
        Assert.Equal("cxone-audit-20261125_1000.jsonl", AuditLogFile.For("d", new DateTime(2026, 11, 25), 1000).Name);
    }
}
