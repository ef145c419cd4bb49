using CsCheck;

namespace CXoneRanking.Audit.Tests;

/// <summary>Generated entries: whatever the text in them, the chain holds, reads back, and notices any edit.</summary>
public class AuditChainPropertyTests
{
    private static readonly Gen<string> Id = Gen.String[Gen.Char.AlphaNumeric, 1, 20];

    // Any text that JSON can carry: quotes, backslashes, accents, emoji, controls (masked to spaces).
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char, 0, 40].Where(s => AuditText.SurrogateProblem(s, "text") is null),
        Gen.OneOf("é\"\\/<>&'", "日本語 🎉", "line\nbreak", ""));

    private static readonly Gen<AuditEntry> Entry = Gen.OneOf(
        Gen.Select(Id, Id, Gen.Int[1, 50], Gen.Int[0, 1_000_000], (s, k, p, ms) => AuditEntry.Click(s, k, p, Entries.T0.AddMilliseconds(ms))),
        Gen.Select(Id, Id.Array[0, 12], Gen.Long[0, 100_000], Text, Text, (s, snippets, latency, error, status) =>
        {
            var e = AuditEntry.Ranking(AuditEvent.RankingFailed, s, Entries.T0);
            e.Snippets = snippets;
            e.LatencyMs = latency;
            e.Error = error;
            e.Status = status;
            return e;
        }));

    [Fact]
    public void Any_entries_round_trip_and_verify()
    {
        Entry.Array[1, 8].Sample(entries =>
        {
            using var dir = new TempDirectory();
            Entries.Writer(dir.Path).Append(entries);

            var back = new AuditLogReader(dir.Path).ReadEntries().ToList();
            Assert.Equal(entries.Select(e => (e.Event, e.SessionId, e.SnippetId, e.Status, e.Error, e.Hash, e.Timestamp)),
                back.Select(e => (e.Event, e.SessionId, e.SnippetId, e.Status, e.Error, e.Hash, e.Timestamp)));
            Assert.Equal(entries.Select(e => string.Join("|", e.Snippets ?? [])), back.Select(e => string.Join("|", e.Snippets ?? [])));
            Assert.True(AuditChainVerifier.Verify(dir.Path).IsValid);
        }, iter: 60);
    }

    [Fact]
    public void Any_single_byte_change_is_noticed()
    {
        Gen.Select(Entry.Array[2, 5], Gen.Int[0, int.MaxValue], Gen.Byte[1, 255]).Sample((entries, where, xor) =>
        {
            using var dir = new TempDirectory();
            Entries.Writer(dir.Path).Append(entries);
            var file = AuditLogFile.List(dir.Path).Single().Path;
            var bytes = File.ReadAllBytes(file);
            var position = where % bytes.Length;
            if (bytes[position] == '\n' || (bytes[position] ^ xor) is '\n' or '\r') return; // a line ending, not content
            bytes[position] ^= xor;
            File.WriteAllBytes(file, bytes);

            var result = AuditChainVerifier.Verify(dir.Path);

            // Either the chain breaks, or the changed line is no longer JSON and the change is reported as torn.
            // Only the very last line may be torn without breaking a later link (a removal at the end).
            Assert.True(!result.IsValid || result.TornLines.Count > 0, $"byte {position} ^ {xor} went unnoticed");
        }, iter: 200);
    }
}
