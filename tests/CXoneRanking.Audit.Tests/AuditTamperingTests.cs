using Microsoft.Extensions.Time.Testing;
using static CXoneRanking.Audit.Tests.LogFixture;

namespace CXoneRanking.Audit.Tests;

/// <summary>Whatever is changed, removed, added or reordered in a log is found, at the right line.</summary>
public class AuditTamperingTests
{
    [Theory]
    [InlineData("\"session_id\":\"s-3\"", "\"session_id\":\"s-8\"")]   // a changed id
    [InlineData("\"rank_position\":3", "\"rank_position\":1")]       // a changed number
    [InlineData("\"session_id\":\"s-3\"", "\"session_id\" : \"s-3\"")] // only whitespace: still not the stored bytes
    public void Changing_any_byte_of_an_entry_is_found_at_that_line(string from, string to)
    {
        using var dir = ValidLog();
        EditLines(dir, lines => { lines[2] = lines[2].Replace(from, to); return lines; });

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.False(result.IsValid);
        Assert.Equal((PathOf(dir), 3), (result.FailedFile, result.FailedLine));
        Assert.Contains("does not match the entry's content", result.Reason);
        Assert.Equal(7, result.Entries);
    }

    [Fact]
    public void Flipping_a_single_byte_anywhere_is_found()
    {
        using var dir = ValidLog();
        var bytes = File.ReadAllBytes(PathOf(dir));
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length - 1; i++) if (bytes[i] == '\n') lineStarts.Add(i + 1);
        var original = (byte[])bytes.Clone();
        for (var position = 0; position < bytes.Length; position += 7)
        {
            if (bytes[position] == '\n') continue;
            bytes[position] ^= 0x01;
            File.WriteAllBytes(PathOf(dir), bytes);

            var result = AuditChainVerifier.Verify(dir.Path);

            var line = lineStarts.Count(start => start <= position);
            Assert.False(result.IsValid, $"byte {position} changed without notice");
            if (result.TornLines.Count == 0) Assert.Equal(line, result.FailedLine);
            bytes[position] = original[position];
        }
    }

    [Fact]
    public void A_deleted_line_is_found_at_the_line_after_it()
    {
        using var dir = ValidLog();
        EditLines(dir, lines => { lines.RemoveAt(1); return lines; });

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.False(result.IsValid);
        Assert.Equal(2, result.FailedLine);
        Assert.Contains("removed, inserted or reordered", result.Reason);
    }

    [Fact]
    public void Reordered_lines_are_found()
    {
        using var dir = ValidLog();
        EditLines(dir, lines => { (lines[1], lines[3]) = (lines[3], lines[1]); return lines; });

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.False(result.IsValid);
        Assert.Equal(2, result.FailedLine);
    }

    [Fact]
    public void A_line_copied_in_twice_is_found()
    {
        using var dir = ValidLog();
        EditLines(dir, lines => { lines.Insert(2, lines[1]); return lines; });

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.False(result.IsValid);
        Assert.Equal(3, result.FailedLine);
    }

    [Fact]
    public void A_file_missing_from_the_middle_is_found()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);
        for (var day = 0; day < 3; day++, clock.Advance(TimeSpan.FromDays(1))) writer.Append(Entries.Click("s", "a", 1));
        File.Delete(Path.Combine(dir.Path, "cxone-audit-20261126.jsonl"));

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.False(result.IsValid);
        Assert.Equal((Path.Combine(dir.Path, "cxone-audit-20261127.jsonl"), 1), (result.FailedFile, result.FailedLine));
    }

    [Fact]
    public void A_rewritten_entry_with_a_recomputed_hash_still_breaks_the_next_link()
    {
        using var dir = ValidLog();
        // The forger re-seals line 2 correctly, but line 3 still points at the old hash.
        EditLines(dir, lines =>
        {
            var line = lines[1].Replace("\"snippet_id\":\"KB-2\"", "\"snippet_id\":\"KB-X\"");
            var body = line[..^75];
            var prev = body.Split("\"prev_hash\":\"")[1][..64];
            lines[1] = body + $",\"hash\":\"{Entries.Sha256Hex(prev + body + "}")}\"}}";
            return lines;
        });

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.False(result.IsValid);
        Assert.Equal(3, result.FailedLine);
        Assert.Contains("prev_hash", result.Reason);
    }

    [Fact]
    public void An_entry_replaced_by_garbage_is_torn_but_the_next_link_still_breaks()
    {
        using var dir = ValidLog();
        EditLines(dir, lines => { lines[2] = "{ not json"; return lines; });

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.False(result.IsValid);
        Assert.Equal(4, result.FailedLine);
        Assert.Single(result.TornLines);
    }

    [Fact]
    public void Removing_the_first_entries_is_found_though_no_link_follows_them()
    {
        using var dir = ValidLog();
        EditLines(dir, lines => lines.Skip(2).ToList());

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.False(result.IsValid);
        Assert.Equal(1, result.FailedLine);
        Assert.Contains("removed from the start", result.Reason);
    }

    [Fact]
    public void Deleting_the_oldest_file_by_hand_is_found_but_retention_is_not_tampering()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(Entries.T0);
        var writer = Entries.Writer(dir.Path, o => o.TimeProvider = clock);
        File.WriteAllText(Path.Combine(dir.Path, ".cxone-audit.policy.json"), "{\"version\":1,\"retention_days\":1}");
        for (var day = 0; day < 3; day++)
        {
            if (day > 0) clock.Advance(TimeSpan.FromDays(1));
            writer.Append(Entries.Click("s", $"KB-{day}", 1));
        }
        writer.Housekeep(); // on the 27th: the 25th is older than one day

        var afterRetention = AuditChainVerifier.Verify(dir.Path);
        Assert.True(afterRetention.IsValid, afterRetention.Reason);
        Assert.False(afterRetention.StartsAtGenesis);
        Assert.Single(File.ReadAllLines(Path.Combine(dir.Path, AuditAnchors.FileName)));

        File.Delete(AuditLogFile.List(dir.Path)[0].Path); // the 26th, compressed by the housekeeping above

        var afterHand = AuditChainVerifier.Verify(dir.Path);
        Assert.False(afterHand.IsValid);
        Assert.Contains("removed from the start", afterHand.Reason);
    }
}
