using System.Text.Json;
using CsCheck;
using CXoneRanking.Audit;
using CXoneRanking.Ranks;

namespace CXoneRanking.Tests.Replay;

/// <summary>
/// A session's candidates survive the audit log exactly (docs/audit-log.md#how-a-ranking-came-to-be): written into an entry
/// and read back, every value is the one given, any double included (NaN, infinities, minus zero, the extremes), with any
/// metadata and signals; text JSON cannot carry is recorded as a held-back row, never an entry that cannot be written.
/// </summary>
public sealed class CandidateJsonPropertyTests
{
    private static readonly double[] Edges =
        [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, 1.0, double.Epsilon, double.MaxValue, double.MinValue, 0.1 + 0.2];

    private static readonly Gen<double> AnyDouble = Gen.OneOf(Gen.Double, Gen.Double[0.0, 1.0], Gen.Int[0, Edges.Length - 1].Select(i => Edges[i]));

    private static readonly Gen<string> Text = Gen.String[Gen.Char, 0, 12].Select(UnicodeText.WellFormed);

    private static readonly Gen<Dictionary<string, string>> Metadata = Gen.Select(Text, Gen.OneOf(Text, Gen.Const((string)null!)))
        .Array[0, 4].Select(pairs =>
        {
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in pairs) metadata[key] = value;
            return metadata;
        });

    private static readonly Gen<WeightedSignal[]?> Signals =
        Gen.Select(Text, AnyDouble, AnyDouble).Array[0, 3]
            .Select(s => s.Length == 0 ? null : s.Select(x => new WeightedSignal(x.Item1, x.Item2, x.Item3)).ToArray());

    private static readonly Gen<SnippetRank> Candidate = Gen.Select(Text, AnyDouble, AnyDouble, Metadata, Signals)
        .Select((id, relevance, boost, metadata, signals) => new SnippetRank
        {
            SnippetId = id, RelevanceScore = relevance, BoostFactor = boost, Metadata = metadata, Signals = signals,
        });

    private static AuditEntry RoundTrip(IReadOnlyList<RankInput> candidates, IReadOnlyList<HeldBackRow> heldBack)
    {
        var entry = AuditEntry.Ranking(AuditEvent.RankingSending, "s-1", DateTimeOffset.UnixEpoch);
        (entry.Candidates, entry.HeldBackRows) = (candidates, heldBack);
        using var buffer = new MemoryStream();
        AuditEntryJson.WriteUnsealed(entry, new string('0', 64), buffer);
        using var json = JsonDocument.Parse(buffer.ToArray());
        var read = AuditEntryParser.Parse(json.RootElement, out var problem, _ => true);
        Assert.True(read is not null, problem);
        return read!;
    }

    private static bool Same(double a, double b) =>
        double.IsNaN(a) ? double.IsNaN(b) : BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    [Fact]
    public void Every_value_of_every_candidate_reads_back_exactly() =>
        Gen.Select(Candidate.Array[0, 20], Gen.Select(Text, Text, (id, error) => new HeldBackRow(id, error)).Array[0, 2]).Sample((ranks, heldBack) =>
        {
            var candidates = ranks.Select((r, i) => new RankInput(r, i + 1)).ToList();

            var read = RoundTrip(candidates, heldBack);

            Assert.True(read.HasCandidates);
            Assert.Equal(heldBack, read.HeldBackRows);
            Assert.Equal(candidates.Count, read.Candidates!.Count);
            for (var i = 0; i < candidates.Count; i++)
            {
                var (given, back) = (candidates[i], read.Candidates[i]);
                Assert.Equal(given.SnippetId, back.SnippetId);
                Assert.True(Same(given.RelevanceScore, back.RelevanceScore), $"relevance {given.RelevanceScore:R} read as {back.RelevanceScore:R}");
                Assert.True(Same(given.BoostFactor, back.BoostFactor), $"boost {given.BoostFactor:R} read as {back.BoostFactor:R}");
                Assert.Equal(given.Metadata.View.OrderBy(m => m.Key, StringComparer.Ordinal),
                    back.Metadata.View.OrderBy(m => m.Key, StringComparer.Ordinal));
                Assert.Equal(given.Signals?.Select(s => s.Name), back.Signals?.Select(s => s.Name));
                for (var s = 0; s < (given.Signals?.Count ?? 0); s++)
                    Assert.True(Same(given.Signals![s].Score, back.Signals![s].Score) && Same(given.Signals[s].Weight, back.Signals[s].Weight));
            }
        }, iter: 500);

    [Fact]
    public void A_candidate_whose_text_json_cannot_carry_is_recorded_as_a_held_back_row() =>
        Gen.Select(Text, Gen.Char['\uD800', '\uDFFF'], Gen.Int[0, 12], Gen.Bool).Sample((text, surrogate, at, inMetadata) =>
        {
            var broken = text.Insert(Math.Min(at, text.Length), surrogate.ToString()) + "x";
            var rank = inMetadata
                ? new SnippetRank { SnippetId = "KB-1", RelevanceScore = 0.5, Metadata = new() { ["category"] = broken } }
                : new SnippetRank { SnippetId = broken, RelevanceScore = 0.5 };

            var read = RoundTrip([new RankInput(rank, 1)], []);

            Assert.Empty(read.Candidates!);
            Assert.Contains("surrogate", Assert.Single(read.HeldBackRows!).Error, StringComparison.Ordinal);
        }, iter: 200);
}
