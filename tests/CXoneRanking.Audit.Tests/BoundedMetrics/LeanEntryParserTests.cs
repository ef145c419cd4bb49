using System.Text;
using CsCheck;

namespace CXoneRanking.Audit.Tests.BoundedMetrics;

/// <summary>
/// The metrics' lean line reader accepts a line only when the full parser accepts it with the same values of every
/// member the metrics use; for any other line it declines, and the full parser decides (and gives the reason).
/// </summary>
public sealed class LeanEntryParserTests
{
    private static readonly string[] Lines = WrittenLines().Concat(
    [
        """{"timestamp":"2026-11-25T19:07:58.123Z","event":"ranking.sending","session_id":"s-1","snippets":["A","B"],"candidates":[{"id":"A","r":0.5}],"idempotency_key":"k","hash":"h"}""",
        """{"timestamp":"2026-11-25T19:07:58.123Z","event":"ranking.directives","directive_set":"d","directives":[{"metadata_key":"c","value":"v","factor":1.5}]}""",
        """{"timestamp":"2026-11-25T19:07:58.123Z","event":"click","session_id":"s\u002d1","snippet_id":"A","rank_position":1,"note":"caf\u00e9"}""",
        """{"timestamp":"2026-11-25T19:07:58.123Z","event":"click","session_id":"s-1","future":{"a":[1,{"b":null}]},"snippet_id":"A","snippet_id":"B"}""",
        """{"timestamp":"2026-11-25T19:07:58.123Z","event":"ranking.submitted","session_id":"s-1","latency_ms":12.5,"snippets":null,"expert_rank":1e400}""",
        """{"timestamp":"2026-11-25T19:07:58.123Z","event":"click","host":"\uD800","session_id":"s-1"}""",
    ]).ToArray();

    private static IEnumerable<string> WrittenLines()
    {
        using var dir = new TempDirectory();
        var log = MultiDayLogs.Build(Enumerable.Range(0, 60).Select(i => (i % 5, i % 8, i % 14, i % 6, i * 997, i % 7 - 3)).ToArray());
        Entries.Writer(dir.Path).Append(log.Select(e => e.Entry).ToList());
        return Entries.AllLines(dir.Path);
    }

    // A line, then one edit at a place: none, a byte replaced, cut short, a value replaced, a member repeated.
    private static readonly Gen<string> Line = Gen.Select(Gen.Int[0, Lines.Length - 1], Gen.Int[0, 5], Gen.Int[0, 10_000],
        Gen.Int[0, 12].Select(k => new[] { "null", "1", "\"x\"", "\"\\u0041\"", "[]", "{}", "2147483648", "-1.5", "true", "\"\\uDC00\"", ",", "}", "\"é\"" }[k]))
        .Select((index, edit, at, text) =>
        {
            var line = Lines[index];
            var i = at % Math.Max(1, line.Length);
            return edit switch
            {
                1 => line[..i] + text + line[Math.Min(line.Length, i + 1)..],
                2 => line[..i],
                3 => ReplaceValue(line, i, text),
                4 => line[..^1] + "," + line[1..],
                _ => line,
            };
        });

    private static string ReplaceValue(string line, int at, string text)
    {
        var colon = line.IndexOf("\":", at, StringComparison.Ordinal);
        if (colon < 0) return line;
        var end = line.IndexOfAny([',', '}'], colon + 2);
        return end < 0 ? line : line[..(colon + 2)] + text + line[end..];
    }

    [Fact]
    public void Every_line_it_accepts_the_full_parser_accepts_with_the_same_values()
    {
        var accepted = 0;
        Line.Sample(text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var line = new RawLine(1, new ArraySegment<byte>(bytes), terminated: true);
            var lean = LeanEntryParser.TryParse(line);
            if (lean is null) return;
            accepted++;
            using var json = AuditLineParser.TryParse(line, out var torn);
            Assert.True(json is not null, torn);
            var full = AuditEntryParser.Parse(json!.RootElement, out var problem);
            Assert.True(full is not null, $"{problem}: {text}");
            Assert.Equal(Values(full!), Values(lean));
        }, iter: 20_000);
        Assert.True(accepted > 1_000, $"only {accepted} lines accepted");
    }

    [Fact]
    public void It_reads_every_line_the_writer_writes()
    {
        foreach (var text in WrittenLines())
            Assert.NotNull(LeanEntryParser.TryParse(new RawLine(1, new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), true)));
    }

    private static object?[] Values(AuditEntry e) =>
    [
        e.Event, e.Timestamp, e.SessionId, e.SnippetId, e.RankPosition, e.LatencyMs, e.Status, e.IdempotencyKey, e.RankingChecksum,
        e.Experiment, e.Arm, e.SnippetCount, e.Hash, e.HasCandidates, e.Snippets is null ? null : string.Join("\u001f", e.Snippets),
    ];
}
