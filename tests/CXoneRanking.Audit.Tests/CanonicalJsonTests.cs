using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace CXoneRanking.Audit.Tests;

public class CanonicalJsonTests
{
    private static readonly string Zeros = new('0', 64);

    [Fact]
    public void A_click_is_written_in_the_documented_order_without_whitespace_and_hash_last()
    {
        using var dir = new TempDirectory();
        Entries.Writer(dir.Path, o => o.TimeProvider = new FakeTimeProvider(Entries.T0)).Append(Entries.Click("s-1", "KB-001", 2));

        var unsealed = "{\"timestamp\":\"2026-11-25T19:07:58.123Z\",\"event\":\"click\",\"session_id\":\"s-1\","
            + "\"snippet_id\":\"KB-001\",\"rank_position\":2,\"module_version\":\"1.0.0\",\"host\":\"host-1\",\"user\":\"svc\","
            + $"\"prev_hash\":\"{Zeros}\"}}";
        var hash = Entries.Sha256Hex(Zeros + unsealed);
        var expected = unsealed[..^1] + $",\"hash\":\"{hash}\"}}";
        Assert.Equal(expected + "\n", File.ReadAllText(Path.Combine(dir.Path, "cxone-audit-20261125.jsonl")));
    }

    [Fact]
    public void A_ranking_entry_lists_every_member_in_order_and_omits_nulls()
    {
        using var dir = new TempDirectory();
        var entry = Entries.Submitted("s-2", 87, null, "KB-9", "KB-'<&>'");
        entry.IdempotencyKey = "k-1";
        entry.RankingChecksum = "c1";
        entry.Note = "café \"ok\"";

        Entries.Writer(dir.Path).Append(entry);

        var line = Entries.AllLines(dir.Path).Single();
        var prefix = "{\"timestamp\":\"2026-11-25T19:07:58.123Z\",\"event\":\"ranking.submitted\",\"session_id\":\"s-2\","
            + "\"snippet_count\":2,\"max_window\":10,\"snippets\":[\"KB-9\",\"KB-'<&>'\"],\"status\":\"accepted\","
            + "\"http_status\":200,\"attempts\":1,\"latency_ms\":87,\"idempotency_key\":\"k-1\",\"ranking_checksum\":\"c1\","
            + "\"note\":\"café \\\"ok\\\"\",\"module_version\":\"1.0.0\",\"host\":\"host-1\",\"user\":\"svc\",";
        Assert.StartsWith(prefix, line);
        Assert.Equal(entry.Hash, Entries.Sha256Hex(Zeros + line[..^75] + "}"));
        Assert.EndsWith($",\"prev_hash\":\"{Zeros}\",\"hash\":\"{entry.Hash}\"}}", line);
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            string Write(string culture)
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                using var dir = new TempDirectory();
                Entries.Writer(dir.Path).Append(Entries.Submitted("s", 1234567, null, "a"));
                return Entries.AllLines(dir.Path).Single();
            }
            Assert.Equal(Write("en-US"), Write("ar-SA"));
            Assert.Equal(Write("en-US"), Write("de-DE"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Each_entry_chains_to_the_one_before_it()
    {
        using var dir = new TempDirectory();
        var writer = Entries.Writer(dir.Path);
        var first = Entries.Click("s", "a", 1);
        var second = Entries.Click("s", "b", 2);
        writer.Append([first, second]);
        var third = Entries.Click("s", "c", 3);
        Entries.Writer(dir.Path).Append(third); // a new writer (another process) continues the chain from the file

        Assert.Equal(Zeros, first.PrevHash);
        Assert.Equal(first.Hash, second.PrevHash);
        Assert.Equal(second.Hash, third.PrevHash);
        var lines = Entries.AllLines(dir.Path);
        Assert.Equal(3, lines.Length);
        Assert.Contains($"\"prev_hash\":\"{second.Hash}\",\"hash\":\"{third.Hash}\"", lines[2]);
    }
}
