using System.Text;
using static CXoneRanking.Audit.Tests.LogFixture;

namespace CXoneRanking.Audit.Tests;

public class AuditChainVerifierTests
{
    [Fact]
    public void A_log_as_written_is_valid()
    {
        using var dir = ValidLog();

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal((7, 2), (result.Entries, result.Files));
        Assert.Empty(result.TornLines);
        Assert.True(result.StartsAtGenesis);
        Assert.Equal(new AuditLogReader(dir.Path).ReadEntries().Last().Hash, result.LastHash);
        Assert.Null(result.FailedFile);
    }

    [Fact]
    public void An_empty_directory_is_valid_with_nothing_in_it()
    {
        using var dir = new TempDirectory();
        var result = AuditChainVerifier.Verify(dir.Path);
        Assert.True(result.IsValid);
        Assert.Equal((0, 0), (result.Entries, result.Files));
    }

    [Fact]
    public void A_missing_directory_is_an_error()
    {
        using var dir = new TempDirectory();
        Assert.Throws<DirectoryNotFoundException>(() => AuditChainVerifier.Verify(dir.Sub("nope")));
    }

    [Fact]
    public void A_torn_line_is_reported_and_stepped_over_without_invalidating_the_log()
    {
        using var dir = ValidLog();
        EditLines(dir, lines => { lines.Insert(3, lines[3][..40]); return lines; }); // a crash mid-line, later ended with a newline

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.True(result.IsValid, result.Reason);
        var torn = Assert.Single(result.TornLines);
        Assert.Equal((PathOf(dir), 4), (torn.File, torn.LineNumber));
        Assert.Contains("torn", torn.Reason);
        Assert.Equal(7, result.Entries);
    }

    [Fact]
    public void A_complete_line_nested_too_deep_is_named_so_not_a_torn_write()
    {
        using var dir = ValidLog();
        EditLines(dir, lines => { lines.Insert(3, "{\"m\":" + new string('[', 100) + new string(']', 100) + "}"); return lines; });

        var torn = Assert.Single(AuditChainVerifier.Verify(dir.Path).TornLines);

        Assert.Equal(4, torn.LineNumber);
        Assert.DoesNotContain("torn", torn.Reason, StringComparison.Ordinal);
        Assert.StartsWith("not valid JSON at byte ", torn.Reason, StringComparison.Ordinal);
        Assert.Contains("depth", torn.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_line_that_is_not_utf8_is_named_so_not_a_torn_write()
    {
        using var dir = ValidLog();
        var path = PathOf(dir);
        var bytes = File.ReadAllBytes(path).ToList();
        var second = bytes.IndexOf((byte)'\n') + 1;
        bytes.InsertRange(second, [.. "{\"event\":\"click\",\"snippet_id\":\"KB-"u8.ToArray(), 0xFF, .. "\",\"session_id\":\"s-1\"}\n"u8.ToArray()]);
        File.WriteAllBytes(path, [.. bytes]);

        var torn = Assert.Single(AuditChainVerifier.Verify(dir.Path).TornLines);

        Assert.Equal(2, torn.LineNumber);
        Assert.StartsWith("not valid UTF-8 at byte ", torn.Reason, StringComparison.Ordinal);
        // Mono's decoder reports the invalid byte one earlier than .NET's.
        if (Type.GetType("Mono.Runtime") is null) Assert.Equal("not valid UTF-8 at byte 35", torn.Reason); // the 34 bytes before it are {"event":"click","snippet_id":"KB-
    }

    [Fact]
    public void A_truncated_last_line_is_torn_not_invalid()
    {
        using var dir = ValidLog();
        var next = PathOf(dir, Day2);
        var text = File.ReadAllText(next);
        File.WriteAllText(next, text[..^30]);

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.True(result.IsValid, result.Reason);
        Assert.Contains("incomplete", Assert.Single(result.TornLines).Reason);
        Assert.Equal(6, result.Entries);
    }

    [Theory]
    [InlineData("{\"timestamp\":\"2026-11-25T19:07:58.123Z\",\"event\":\"click\"}", "no prev_hash")]
    [InlineData("{\"event\":\"click\",\"prev_hash\":\"PREV\"}", "no hash")]
    [InlineData("{\"hash\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"prev_hash\":\"PREV\"}", "not its last member")]
    [InlineData("[1,2,3]", "not an entry object")]
    public void Json_that_is_not_a_sealed_entry_is_invalid(string line, string reason)
    {
        using var dir = ValidLog();
        EditLines(dir, lines =>
        {
            var prev = lines[4].Split("\"hash\":\"")[1][..64];
            lines.Add(line.Replace("PREV", prev));
            return lines;
        });

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.False(result.IsValid);
        Assert.Equal(6, result.FailedLine);
        Assert.Contains(reason, result.Reason);
    }

    [Fact]
    public void Crlf_line_endings_and_a_bom_from_an_editor_do_not_break_the_chain()
    {
        using var dir = ValidLog();
        var text = File.ReadAllText(PathOf(dir)).Replace("\n", "\r\n");
        File.WriteAllBytes(PathOf(dir), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(7, result.Entries);
    }

    [Fact]
    public void Only_the_first_failure_is_reported_but_every_entry_is_counted()
    {
        using var dir = ValidLog();
        EditLines(dir, lines => { lines[1] = lines[1].Replace("KB-2", "KB-9"); lines[3] = lines[3].Replace("KB-4", "KB-9"); return lines; });

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.Equal(2, result.FailedLine);
        Assert.Equal(7, result.Entries);
        Assert.Null(result.LastHash);
    }
}
