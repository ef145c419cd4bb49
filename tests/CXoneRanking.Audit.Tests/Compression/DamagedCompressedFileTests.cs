using System.Text.RegularExpressions;

namespace CXoneRanking.Audit.Tests.Compression;

/// <summary>
/// A compressed file that cannot be read to its end (cut short, garbage, empty) with no raw file beside it: readers read
/// what comes before the damage and skip the rest with a line naming the file; the verifier fails naming it;
/// -SkipUnchanged trusts nothing. Nothing throws.
/// </summary>
public sealed class DamagedCompressedFileTests
{
    private const string Gz = LogFixture.Day1 + ".gz";

    private static TempDirectory Damaged(Action<string> damage)
    {
        var dir = LogFixture.ValidLog();
        var raw = LogFixture.PathOf(dir);
        CompressedFolder.WriteGzip(raw + ".gz", File.ReadAllBytes(raw));
        File.Delete(raw);
        damage(raw + ".gz");
        return dir;
    }

    public static TheoryData<string> Damages => ["truncated", "garbage", "empty", "flipped"];

    private static void Damage(string kind, string gz)
    {
        switch (kind)
        {
            case "truncated": CompressedFolder.Truncate(gz, 0.7); break;
            case "garbage": File.WriteAllBytes(gz, [.. Enumerable.Range(0, 400).Select(i => (byte)(i * 31 + 7))]); break;
            case "empty": File.WriteAllBytes(gz, []); break;
            default:
                var bytes = File.ReadAllBytes(gz);
                bytes[bytes.Length - 6] ^= 0x55;   // the CRC of the content
                File.WriteAllBytes(gz, bytes);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void Readers_read_up_to_the_damage_and_skip_the_rest_naming_the_file(string kind)
    {
        using var dir = Damaged(gz => Damage(kind, gz));
        var reader = new AuditLogReader(dir.Path);

        var entries = reader.ReadEntries().ToList();

        var skipped = Assert.Single(reader.SkippedLines);
        Assert.Equal(Gz, Path.GetFileName(skipped.File));
        var match = Regex.Match(skipped.Reason, @"^the compressed file is damaged after line (\d+): .+; the rest of the file cannot be read$");
        Assert.True(match.Success, skipped.Reason);
        var before = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(before + 1, skipped.LineNumber);
        Assert.Equal(before + 2, entries.Count);   // the lines before the damage, and the second day's two
        Assert.StartsWith($"{Gz}:{before + 1}: the compressed file is damaged", skipped.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void The_verifier_fails_naming_the_file(string kind)
    {
        using var dir = Damaged(gz => Damage(kind, gz));

        var result = AuditChainVerifier.Verify(dir.Path);

        Assert.False(result.IsValid);
        Assert.Equal(Gz, Path.GetFileName(result.FailedFile));
        Assert.Contains("the compressed file is damaged after line", result.Reason, StringComparison.Ordinal);
        Assert.Contains(result.TornLines, l => l.Reason == result.Reason);
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void SkipUnchanged_trusts_nothing_and_the_quick_readers_do_not_throw(string kind)
    {
        using var dir = Damaged(gz => Damage(kind, gz));

        var index = AppliedRankingIndex.Read(dir.Path, "any");

        Assert.Contains("the compressed file is damaged", index.Problem, StringComparison.Ordinal);
        Assert.Contains(Gz, index.Problem, StringComparison.Ordinal);
        Assert.Equal(["s-1"], RankedSessions.NeverRanked(dir.Path, ["s-1"]));
        Assert.Empty(UnshownClicks.Find(dir.Path, [Entries.Click("s-1", "KB-1", 1)]));
    }

    [Fact]
    public void Skipped_lines_have_the_same_numbers_and_reasons_in_a_compressed_file()
    {
        using var dir = LogFixture.ValidLog();
        LogFixture.EditLines(dir, lines => [lines[0], "{\"torn", lines[1], "[1,2]", .. lines.Skip(2)]);
        var raw = new AuditLogReader(dir.Path);
        var rawEntries = raw.ReadEntries().Count();
        var rawCheck = AuditChainVerifier.Verify(dir.Path);
        CompressedFolder.WriteGzip(LogFixture.PathOf(dir) + ".gz", File.ReadAllBytes(LogFixture.PathOf(dir)));
        File.Delete(LogFixture.PathOf(dir));
        var compressed = new AuditLogReader(dir.Path);

        Assert.Equal(rawEntries, compressed.ReadEntries().Count());
        Assert.Equal(2, compressed.SkippedLines.Count);
        Assert.Equal(raw.SkippedLines.Select(l => (l.LineNumber, l.Reason)), compressed.SkippedLines.Select(l => (l.LineNumber, l.Reason)));
        Assert.All(compressed.SkippedLines, l => Assert.Equal(Gz, Path.GetFileName(l.File)));
        var check = AuditChainVerifier.Verify(dir.Path);
        Assert.Equal(rawCheck.TornLines.Select(l => (l.LineNumber, l.Reason)), check.TornLines.Select(l => (l.LineNumber, l.Reason)));
        Assert.Equal((rawCheck.FailedLine, rawCheck.Reason), (check.FailedLine, check.Reason));
        Assert.Equal(Gz, Path.GetFileName(check.FailedFile));
    }

    [Fact]
    public void A_writer_that_must_chain_to_a_damaged_gz_fails_naming_it_and_writes_no_entry()
    {
        using var dir = Damaged(gz => Damage("truncated", gz));
        var newest = LogFixture.PathOf(dir, LogFixture.Day2);
        File.WriteAllText(newest, "{\"torn");   // the newest file holds no entry: the chain goes on from the file before
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Entries.T0.AddDays(1));

        var error = Assert.Throws<AuditFileDamagedException>(() => Entries.Writer(dir.Path, o => o.TimeProvider = clock)
            .Append([Entries.Click("s-9", "KB-9", 1)]));

        Assert.IsAssignableFrom<IOException>(error);
        Assert.Equal(Gz, Path.GetFileName(error.FilePath));
        Assert.Contains(Gz, error.Message, StringComparison.Ordinal);
        Assert.Equal("{\"torn\n", File.ReadAllText(newest));   // the torn line ended, as every writer ends one; no entry
    }
}
